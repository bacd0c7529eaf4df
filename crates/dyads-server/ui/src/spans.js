// Highlighting text from the byte spans the API gives (UTF-8 offsets into
// the text), converted to JavaScript string indices.
import { h } from "./dom.js";

/** For each UTF-8 byte offset that starts a character, its UTF-16 index. */
export function byteToIndex(text) {
  const map = new Map();
  let byte = 0;
  let i = 0;
  while (i < text.length) {
    map.set(byte, i);
    const cp = text.codePointAt(i);
    byte += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp > 0xffff ? 2 : 1;
  }
  map.set(byte, i);
  return (b) => {
    if (map.has(b)) return map.get(b);
    // Not on a character boundary: move back to the character holding it.
    let x = b;
    while (x > 0 && !map.has(x)) x -= 1;
    return map.get(x) ?? 0;
  };
}

/**
 * Renders text with marked spans. spans: [{start, end, kind, title, href}]
 * with byte offsets relative to the text; `kind` becomes a class
 * (hl-<kind>). Overlapping spans share a mark carrying all their classes.
 */
export function highlight(text, spans, { className = "hltext" } = {}) {
  const conv = byteToIndex(text);
  const marks = (spans || [])
    .map((s) => ({ ...s, a: conv(Math.max(0, s.start)), b: conv(Math.max(0, s.end)) }))
    .filter((s) => s.b > s.a && s.a < text.length);
  const cuts = new Set([0, text.length]);
  for (const m of marks) {
    cuts.add(m.a);
    cuts.add(Math.min(m.b, text.length));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const out = h(`span.${className}`);
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k];
    const b = points[k + 1];
    const piece = text.slice(a, b);
    const covering = marks.filter((m) => m.a <= a && m.b >= b);
    if (covering.length === 0) {
      out.append(piece);
      continue;
    }
    const classes = [...new Set(covering.map((m) => "hl-" + m.kind))].join(" ");
    const title = [...new Set(covering.map((m) => m.title).filter(Boolean))].join("; ");
    const target = covering.find((m) => m.href);
    const attrs = { class: classes, title: title || null };
    if (target) {
      out.append(h("a.hl", { ...attrs, href: target.href }, piece));
    } else {
      out.append(h("mark.hl", attrs, piece));
    }
  }
  return out;
}

/** The legend for highlight kinds. */
export function legend(kinds) {
  const names = {
    source: "source actor",
    target: "target actor",
    event: "event words",
    entity: "entity",
    person: "person",
    state: "state",
    org: "organisation",
    place: "place",
  };
  return h(
    "p.legend",
    kinds.map((k) => h("span.legend-item", h(`mark.hl.hl-${k}`, names[k] || k))),
  );
}
