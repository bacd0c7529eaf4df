// Pieces shared by the views: links to entities and the records table.
import { h, link, seg, dateRange, modality, quad, eventType, goldstein, num } from "../dom.js";
import { sortTable } from "../table.js";

/** Link to an actor's page; `key` is the actor id the API takes. */
export function actorLink(name, key) {
  if (!name && !key) return h("span.muted", "–");
  if (key === null || key === undefined || key === "") return h("span", name);
  return link(`/actor/${seg(key)}`, name || String(key));
}

/**
 * "Name ISO3" for a record's source or target; the link carries the name,
 * which the actor page resolves to the actor's id.
 */
export function party(name, country) {
  if (!name) return h("span.muted", "–");
  return h("span.party", actorLink(name, name), country && country !== name ? h("span.cc", " ", country) : null);
}

/** Link to a record. */
export const recordLink = (id, text) => link(`/record/${seg(id)}`, text ?? `#${id}`);

/** Link to a document. */
export const docLink = (id, text) => link(`/doc/${seg(id)}`, text || `document ${id}`);

/** Link to a story. */
export const storyLink = (id, text) => link(`/story/${seg(id)}`, text || `story ${id}`);

/** Sort key for a record: its start date. */
const dateKey = (r) => r.date || "";

/**
 * The table of event records (story timeline, actor timeline, lists).
 * opts.sort: initial sort column; default by date ascending.
 */
export function recordsTable(records, opts = {}) {
  const cols = [
    { label: "Date", value: dateKey, render: (r) => h("span.nowrap", dateRange(r.date, r.date_end)) },
    { label: "Record", value: (r) => Number(r.id), render: (r) => recordLink(r.id), num: true },
    { label: "Source", value: (r) => r.source || "", render: (r) => party(r.source, r.source_country) },
    { label: "Event", value: (r) => r.plover || r.cameo || "", render: (r) => eventType(r) },
    { label: "Target", value: (r) => r.target || "", render: (r) => party(r.target, r.target_country) },
    { label: "Class", value: (r) => r.quad ?? "", render: (r) => quad(r.quad) },
    { label: "Modality", value: (r) => r.modality || "", render: (r) => modality(r.modality) },
    { label: "Goldstein", value: (r) => (r.goldstein === null ? null : Number(r.goldstein)), render: (r) => goldstein(r.goldstein), num: true },
    { label: "Mentions", value: (r) => Number(r.mentions ?? 0), render: (r) => num(r.mentions), num: true },
    { label: "Docs", value: (r) => Number(r.documents ?? 0), render: (r) => num(r.documents), num: true },
  ];
  return sortTable(cols, records, {
    sort: opts.sort ?? 0,
    desc: opts.desc ?? false,
    emptyText: opts.emptyText || "No event records.",
    rowClass: (r) => `mod-row-${r.modality || "unknown"}`,
  });
}

/** Pager links for list views: {total, limit, offset}. */
export function pager(route, params, page) {
  const total = Number(page.total ?? 0);
  const limit = Number(page.limit ?? 50);
  const offset = Number(page.offset ?? 0);
  if (!(total > limit)) return null;
  const mk = (off, text) => {
    const p = new URLSearchParams(params);
    p.set("offset", String(off));
    return h("a.button", { href: `#${route}?${p}` }, text);
  };
  return h(
    "p.pager",
    offset > 0 ? mk(Math.max(0, offset - limit), "← Previous") : null,
    h("span.muted", ` ${num(offset + 1)}–${num(Math.min(total, offset + limit))} of ${num(total)} `),
    offset + limit < total ? mk(offset + limit, "Next →") : null,
  );
}
