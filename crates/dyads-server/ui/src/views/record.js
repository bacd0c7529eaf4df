// Event records: the list and one record with each source's sentence.
import { h, append, num, dateRange, section, facts, empty, seg, link, modality, quad, eventType, goldstein } from "../dom.js";
import { get, items } from "../api.js";
import { highlight, legend } from "../spans.js";
import { recordsTable, docLink, party, pager } from "./common.js";

export async function recordList(el, ctx) {
  ctx.setTitle("Event records");
  const offset = Number(ctx.params.get("offset") || 0);
  const filters = {};
  for (const k of ["modality", "plover", "country", "since", "until"]) {
    if (ctx.params.get(k)) filters[k] = ctx.params.get(k);
  }
  const page = await get("records", { limit: 200, offset, ...filters });
  append(el, 
    h("h1", "Event records"),
    h("p.lede", "One record per real-world event, merging the mentions of all sources that report it."),
    filterForm(ctx.params),
    recordsTable(items(page), { sort: 0, desc: true }),
    pager("/records", ctx.params, page || {}),
  );
}

function filterForm(params) {
  const sel = h(
    "select",
    { name: "modality" },
    ["", "asserted", "future", "hypothetical", "negated", "claimed", "historical"].map((m) =>
      h("option", { value: m, selected: params.get("modality") === m ? "selected" : null }, m || "any modality"),
    ),
  );
  const form = h(
    "form.filters",
    h("label", "Modality ", sel),
    h("label", "Country ", h("input", { name: "country", size: 4, placeholder: "ISO3", value: params.get("country") || "" })),
    h("label", "From ", h("input", { name: "since", type: "date", value: params.get("since") || "" })),
    h("label", "To ", h("input", { name: "until", type: "date", value: params.get("until") || "" })),
    h("button", { type: "submit" }, "Filter"),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) q.set(k, String(v).trim());
    location.hash = "#/records" + (q.toString() ? "?" + q : "");
  });
  return form;
}

/** Spans of a mention to mark in its sentence (byte offsets relative to it). */
export function mentionSpans(m) {
  const names = (side) => (side || []).map((a) => a.canonical + (a.role ? `, ${a.role}` : "")).join("; ");
  const spans = [];
  for (const sp of m.source_spans || []) spans.push({ ...sp, kind: "source", title: `source: ${names(m.source)}` });
  for (const sp of m.target_spans || []) spans.push({ ...sp, kind: "target", title: `target: ${names(m.target)}` });
  if (m.evidence) spans.push({ ...m.evidence, kind: "event", title: `event: ${m.plover || ""} ${m.cameo || ""}`.trim() });
  return spans;
}

function mentionCard(m, idx) {
  const sentence = m.sentence || m.sentence_text || "";
  return h(
    "article.mention",
    h(
      "header",
      h("span.outlet", m.outlet || "unknown outlet"),
      h("span.muted", " · published ", (m.published || "date unknown").slice(0, 10), " · event dated ", dateRange(m.date, m.date_end)),
      m.modality ? [" ", modality(m.modality)] : null,
      h("div.doctitle", docLink(m.doc_id, m.title ? `${m.title}` : null)),
    ),
    h("blockquote.sentence", sentence ? highlight(sentence, mentionSpans(m)) : h("span.muted", "sentence not available")),
    h(
      "p.coded",
      h("span.muted", "coded as "),
      h("strong", m.plover || "–"),
      m.cameo ? h("span.cameo", " ", m.cameo) : null,
      h("span.muted", " · source "),
      (m.source || []).map((a) => a.canonical).join(", ") || "–",
      h("span.muted", " · target "),
      (m.target || []).map((a) => a.canonical).join(", ") || "–",
    ),
    h(
      "footer.muted",
      `mention ${m.event_id ?? idx + 1}`,
      m.linked_to ? ` · joined via mention ${m.linked_to}` : idx === 0 ? " · first mention" : null,
      m.reason ? h("span.reason", " · why: ", m.reason) : null,
      m.doc_id !== undefined ? [" · ", h("a.to-doc", { href: `#/doc/${seg(m.doc_id)}?event=${seg(m.event_id)}` }, "in the document →")] : null,
    ),
  );
}

/** Contradictions: one column per source with the value it gives. */
function contradictionBlock(c) {
  const values = c.values || [];
  const distinct = new Set(values.map((v) => String(v.value)));
  return h(
    "div.contradiction",
    h("h3", `Sources disagree on the ${c.field || "value"}`, h("span.muted", ` (${distinct.size} different values)`)),
    h(
      "div.sidebyside",
      values.map((v) =>
        h(
          "div.side",
          h("div.side-outlet", v.outlet || "unknown outlet"),
          h("div.side-value", h("strong", String(v.value ?? "–"))),
          v.words ? h("blockquote.sentence", v.words) : null,
          h("div.muted", v.doc_id !== undefined ? docLink(v.doc_id, "document →") : null),
        ),
      ),
    ),
  );
}

export async function recordView(el, ctx, id) {
  const r = await get(`records/${seg(id)}`);
  const title = `${r.source || "?"} ${r.plover || r.cameo || "event"} ${r.target || ""}`.trim();
  ctx.setTitle(`Record ${r.id}: ${title}`);
  const mentions = r.mention_list || [];
  const contradictions = r.contradictions || [];
  append(el, 
    h("p.crumbs", link("/records", "Records"), " / ", `record ${r.id}`),
    h(
      "h1.recordtitle",
      party(r.source, r.source_country),
      " ",
      eventType(r),
      " ",
      r.target ? party(r.target, r.target_country) : h("span.muted", "(no target)"),
    ),
    h("p.badges", modality(r.modality), " ", quad(r.quad), " ", h("span.muted", "Goldstein "), goldstein(r.goldstein)),
    facts([
      ["Date", dateRange(r.date, r.date_end)],
      ["Mentions", num(mentions.length || r.mentions)],
      ["Documents", num(r.documents)],
      ["CAMEO", r.cameo],
      ["PLOVER", r.plover],
      r.place ? ["Place", r.place] : [null, null],
      r.source_country && r.target_country
        ? ["Dyad", link(`/dyad/${seg(r.source_country)}/${seg(r.target_country)}`, `${r.source_country} – ${r.target_country} series →`)]
        : [null, null],
    ]),
    contradictions.length
      ? section("Contradictions", contradictions.map(contradictionBlock))
      : null,
    section(
      `What each source says (${mentions.length})`,
      legend(["source", "target", "event"]),
      mentions.length ? mentions.map(mentionCard) : empty("No mentions stored for this record."),
    ),
  );
}
