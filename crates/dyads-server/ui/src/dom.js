// Small DOM helpers. Text always goes in through text nodes, never
// innerHTML, so nothing from the store can inject markup or styles.

/** Creates an element: h("a.cls", {href: "#/"}, "text", child, [more]). */
export function h(tag, attrs, ...children) {
  const [name, ...classes] = tag.split(".");
  const el = document.createElement(name || "div");
  if (classes.length) el.className = classes.join(" ");
  if (attrs && (typeof attrs !== "object" || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") {
      el.addEventListener(key.slice(2), value);
    } else if (key === "class") {
      el.className = [el.className, value].filter(Boolean).join(" ");
    } else if (key === "dataset") {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(key, value === true ? "" : String(value));
    }
  }
  append(el, children);
  return el;
}

/** Appends children (strings, nodes, arrays, null) to an element. */
export function append(el, ...children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's content. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A link to a client-side route. */
export function link(route, ...children) {
  return h("a", { href: "#" + route }, ...children);
}

/** Encodes a route segment. */
export const seg = (s) => encodeURIComponent(String(s));

/** A query string from an object, skipping empty values. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? "?" + s : "";
}

const dash = "\u2013";

/** A date or a date range ("2024-06-19", "2024-06-19–2024-06-21"). */
export function dateRange(start, end) {
  if (!start) return "date unknown";
  if (!end || end === start) return start;
  return `${start}${dash}${end}`;
}

/** Number with thousands separators. */
export const num = (n) => (n === null || n === undefined ? "" : Number(n).toLocaleString("en-US"));

/** CAMEO quad classes. */
export const QUADS = {
  1: { name: "Verbal cooperation", short: "verbal coop.", cls: "q1" },
  2: { name: "Material cooperation", short: "material coop.", cls: "q2" },
  3: { name: "Verbal conflict", short: "verbal conflict", cls: "q3" },
  4: { name: "Material conflict", short: "material conflict", cls: "q4" },
};

export const MODALITY_HELP = {
  asserted: "Reported as having happened (or happening)",
  future: "Planned, announced, expected, promised or requested",
  hypothetical: "Conditional or possible",
  negated: "Did not or will not happen",
  claimed: "Only alleged by someone",
  historical: "Background well before the article's time",
};

/** A badge for an event's modality. */
export function modality(m) {
  const name = m || "unknown";
  return h(`span.badge.mod.mod-${name.replace(/[^a-z]/g, "")}`, { title: MODALITY_HELP[name] || "" }, name);
}

/** A badge for a quad class. */
export function quad(q) {
  const info = QUADS[q];
  if (!info) return h("span.muted", "–");
  return h(`span.badge.quad.${info.cls}`, { title: info.name }, info.short);
}

/** Event type: PLOVER type with the CAMEO code. */
export function eventType(rec) {
  return h(
    "span.etype",
    rec.plover ? h("strong", rec.plover) : h("span.muted", { title: "no PLOVER type" }, "–"),
    rec.cameo ? h("span.cameo", { title: "CAMEO code" }, " ", rec.cameo) : null,
  );
}

/** Goldstein score, coloured by sign. */
export function goldstein(g) {
  if (g === null || g === undefined) return h("span.muted", "–");
  const v = Number(g);
  return h(`span.gold.${v > 0 ? "pos" : v < 0 ? "neg" : "zero"}`, (v > 0 ? "+" : "") + v.toFixed(1));
}

/** A section with a heading. */
export function section(title, ...body) {
  return h("section.panel", h("h2", title), ...body);
}

/** A key/value list. */
export function facts(pairs) {
  const dl = h("dl.facts");
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "") continue;
    dl.append(h("dt", k), h("dd", v));
  }
  return dl;
}

/** An error box. */
export function errorBox(err) {
  return h("div.error", h("strong", "Could not load: "), err && err.message ? err.message : String(err));
}

/** Text for "nothing here" states (never fake data). */
export const empty = (text) => h("p.empty", text);
