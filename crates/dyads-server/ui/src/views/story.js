// Stories: the list and one story with its timeline.
import { h, append, num, dateRange, section, facts, empty, seg, link } from "../dom.js";
import { get, items } from "../api.js";
import { sortTable } from "../table.js";
import { storyLink, recordsTable, docLink, actorLink, pager } from "./common.js";

function docCount(s) {
  if (Array.isArray(s.documents)) return s.documents.length;
  return Number(s.documents ?? s.docs ?? 0);
}

export async function storyList(el, ctx) {
  ctx.setTitle("Stories");
  const offset = Number(ctx.params.get("offset") || 0);
  const page = await get("stories", { limit: 100, offset });
  const rows = items(page);
  append(el, 
    h("h1", "Stories"),
    h("p.lede", "Records and documents about one happening, grouped by shared participants and dates."),
    sortTable(
      [
        { label: "Dates", value: (s) => s.start || "", render: (s) => h("span.nowrap", dateRange(s.start, s.end)) },
        { label: "Story", value: (s) => s.title || "", render: (s) => storyLink(s.id, s.title) },
        { label: "Participants", value: (s) => participantNames(s).join(", ") },
        { label: "Records", value: (s) => Number(s.records ?? 0), render: (s) => num(s.records), num: true },
        { label: "Docs", value: (s) => docCount(s), render: (s) => num(docCount(s)), num: true },
      ],
      rows,
      { sort: 0, desc: true, emptyText: "No stories yet." },
    ),
    pager("/stories", ctx.params, page || {}),
  );
}

function participantNames(s) {
  return (s.participants || []).map((p) => (typeof p === "string" ? p : p.name || p.id));
}

function participantKey(p) {
  return typeof p === "string" ? p : p.id ?? p.name;
}

/** A strip of the story's records on a date axis (one row per day). */
function timelineStrip(timeline) {
  const byDate = new Map();
  for (const r of timeline) {
    const d = r.date ? dateRange(r.date, r.date_end) : "undated";
    if (!byDate.has(d)) byDate.set(d, []);
    byDate.get(d).push(r);
  }
  const dates = [...byDate.keys()].sort();
  return h(
    "ol.timeline",
    dates.map((d) =>
      h(
        "li",
        h("span.tl-date", d),
        h(
          "span.tl-events",
          byDate.get(d).map((r) =>
            h(
              `a.tl-event.q${r.quad || 0}`,
              { href: `#/record/${seg(r.id)}`, title: `${r.source || "?"} ${r.plover || r.cameo || ""} ${r.target || ""} (${r.modality || ""})` },
              h("span.tl-who", r.source || "?"),
              " ",
              h("strong", r.plover || r.cameo || "event"),
              r.target ? h("span.tl-who", " ", r.target) : null,
              r.modality && r.modality !== "asserted" ? h("span.tl-mod", " ", r.modality) : null,
            ),
          ),
        ),
      ),
    ),
  );
}

export async function storyView(el, ctx, id) {
  const s = await get(`stories/${seg(id)}`);
  ctx.setTitle(s.title || `Story ${id}`);
  const timeline = [...(s.timeline || s.records || [])].sort(
    (a, b) => (a.date || "").localeCompare(b.date || "") || Number(a.id) - Number(b.id),
  );
  const docs = Array.isArray(s.document_list) ? s.document_list : Array.isArray(s.documents) ? s.documents : [];
  const participants = s.participants || [];
  append(el, 
    h("p.crumbs", link("/stories", "Stories"), " / ", `story ${s.id}`),
    h("h1", s.title || `Story ${s.id}`),
    facts([
      ["Dates", dateRange(s.start, s.end)],
      ["Records", num(timeline.length)],
      ["Documents", num(docs.length)],
      [
        "Participants",
        participants.length
          ? h("span.chips", participants.map((p) => h("span.chip", actorLink(typeof p === "string" ? p : p.name, participantKey(p)))))
          : null,
      ],
    ]),
    section("Timeline", timeline.length ? timelineStrip(timeline) : empty("No records in this story.")),
    section("Event records", recordsTable(timeline, { sort: 0 })),
    section(
      "Documents",
      docs.length
        ? h(
            "ul.doclist",
            docs.map((d) =>
              typeof d === "object"
                ? h(
                    "li",
                    docLink(d.id, d.title),
                    h("span.muted", " · ", [d.outlet, (d.published || "").slice(0, 10)].filter(Boolean).join(", ")),
                  )
                : h("li", docLink(d)),
            ),
          )
        : empty("No documents."),
    ),
  );
}

