// Documents: the list and the reader with entity and event highlighting.
import { h, append, section, facts, empty, seg, link, num, modality, dateRange } from "../dom.js";
import { get, items } from "../api.js";
import { sortTable } from "../table.js";
import { highlight, legend } from "../spans.js";
import { docLink, pager, recordLink, actorLink } from "./common.js";

export async function documentList(el, ctx) {
  ctx.setTitle("Documents");
  const offset = Number(ctx.params.get("offset") || 0);
  const outlet = ctx.params.get("outlet") || "";
  const page = await get("documents", { limit: 100, offset, outlet });
  append(el, 
    h("h1", "Documents"),
    outlet ? h("p.lede", "Outlet: ", h("strong", outlet), " · ", link("/documents", "all outlets")) : null,
    sortTable(
      [
        { label: "Published", value: (d) => d.published || d.date || "", render: (d) => h("span.nowrap", (d.published || d.date || "").slice(0, 10) || h("span.muted", "unknown")) },
        { label: "Title", value: (d) => d.title || "", render: (d) => docLink(d.id, d.title) },
        { label: "Outlet", value: (d) => d.outlet || "", render: (d) => (d.outlet ? link(`/documents?outlet=${encodeURIComponent(d.outlet)}`, d.outlet) : h("span.muted", "–")) },
        { label: "Authors", value: (d) => (d.authors || []).join(", ") },
        { label: "Sentences", value: (d) => Number(d.sentence_count ?? 0), render: (d) => num(d.sentence_count), num: true },
      ],
      items(page),
      { sort: 0, desc: true, emptyText: "No documents stored." },
    ),
    pager("/documents", ctx.params, page || {}),
  );
}

const KIND_CLASS = { person: "person", state: "state", organization: "org", organisation: "org", place: "place" };
const names = (side) => (side || []).map((a) => a.canonical).join(", ");

/** Spans to highlight in the document text (byte offsets into it). */
function docSpans(doc, focus) {
  const spans = [];
  for (const a of doc.actors || []) {
    const title = `${a.canonical}${a.role ? ", " + a.role : ""}${a.country ? " (" + a.country + ")" : ""} · ${a.kind}`;
    for (const m of a.mentions || []) {
      spans.push({ start: m.start, end: m.end, kind: KIND_CLASS[a.kind] || "entity", title, href: `#/actor/${seg(a.actor_id)}` });
    }
  }
  for (const e of doc.events || []) {
    if (!e.evidence) continue;
    const title = `${names(e.source) || "?"} ${e.plover || e.cameo} ${names(e.target)} (${e.modality})`.replace(/\s+/g, " ");
    const href = e.record_id !== null && e.record_id !== undefined ? `#/record/${seg(e.record_id)}` : null;
    spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "event", title, href });
    if (focus !== null && String(e.id) === focus) spans.push({ start: e.evidence.start, end: e.evidence.end, kind: "focus" });
  }
  return spans.filter((x) => Number.isFinite(x.start) && Number.isFinite(x.end));
}

/** Splits the text into paragraphs (blank lines) keeping byte offsets. */
function paragraphs(text) {
  const out = [];
  const enc = new TextEncoder();
  let byte = 0;
  for (const part of text.split(/(\n\s*\n)/)) {
    const len = enc.encode(part).length;
    if (part.trim() && !/^\n\s*\n$/.test(part)) out.push({ text: part, start: byte, end: byte + len });
    byte += len;
  }
  return out;
}

/** Paragraph texts from byte spans. */
function sideLinks(side) {
  if (!side || !side.length) return h("span.muted", "–");
  return side.map((a, i) => [i ? ", " : "", actorLink(a.canonical, a.actor_id)]);
}

function sliceBytes(text, spans) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  return spans.map((sp) => ({ text: dec.decode(bytes.subarray(sp.start, sp.end)), start: sp.start, end: sp.end }));
}

export async function documentView(el, ctx, id) {
  const doc = await get(`documents/${seg(id)}`);
  const title = doc.title || `Document ${doc.id}`;
  ctx.setTitle(title);
  const text = doc.text || "";
  const focus = ctx.params.get("event");
  const spans = docSpans(doc, focus);
  const events = doc.events || [];
  const reader = h("div.reader");
  const bytes = new TextEncoder().encode(text);
  const words = (e) => e.evidence_text || (e.evidence ? new TextDecoder().decode(bytes.subarray(e.evidence.start, e.evidence.end)) : "");
  const paras = Array.isArray(doc.paragraphs) && doc.paragraphs.length ? sliceBytes(text, doc.paragraphs) : paragraphs(text);
  for (const p of paras) {
    const local = spans
      .filter((s) => s.end > p.start && s.start < p.end)
      .map((s) => ({ ...s, start: Math.max(s.start, p.start) - p.start, end: Math.min(s.end, p.end) - p.start }));
    append(reader, h("p", highlight(p.text, local)));
  }
  append(el, 
    h("p.crumbs", link("/documents", "Documents"), " / ", `document ${doc.id}`),
    h("h1", title),
    facts([
      ["Outlet", doc.outlet],
      ["Published", doc.published || doc.date],
      ["Authors", (doc.authors || []).join(", ")],
      ["Dateline", doc.dateline_place],
      ["Language", doc.language],
      ["Format", doc.format],
      ["URL", doc.url ? h("a", { href: doc.url, rel: "noopener noreferrer nofollow", target: "_blank" }, doc.url) : null],
    ]),
    section(
      "Text",
      legend(["person", "state", "org", "place", "event"]),
      h("p.muted.small", "Click an event's words for its record, an actor's name for the actor."),
      text ? reader : empty("This document has no stored text."),
    ),
    section(
      `Events in this document (${events.length})`,
      sortTable(
        [
          { label: "Mention", value: (e) => Number(e.id), num: true },
          { label: "Source", value: (e) => names(e.source), render: (e) => sideLinks(e.source) },
          { label: "Event", value: (e) => e.plover || e.cameo || "", render: (e) => h("span", h("strong", e.plover || "–"), " ", h("span.cameo", e.cameo || "")) },
          { label: "Target", value: (e) => names(e.target), render: (e) => sideLinks(e.target) },
          { label: "Modality", value: (e) => e.modality || "", render: (e) => modality(e.modality) },
          { label: "Date", value: (e) => e.date || "", render: (e) => h("span.nowrap", e.date ? dateRange(e.date, e.date_end) : "") },
          { label: "Words", value: (e) => words(e), render: (e) => h("em", words(e)) },
          { label: "Record", value: (e) => Number(e.record_id ?? -1), render: (e) => (e.record_id !== undefined && e.record_id !== null ? recordLink(e.record_id) : h("span.muted", "–")), num: true },
        ],
        events,
        { sort: 0, emptyText: "No events coded in this document." },
      ),
    ),
  );
  if (focus) {
    el.addEventListener(
      "attached",
      () => {
        const mark = reader.querySelector(".hl-focus");
        if (mark) mark.scrollIntoView({ block: "center" });
      },
      { once: true },
    );
  }
}
