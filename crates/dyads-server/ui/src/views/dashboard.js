// Dashboard: counts, recent stories, most active dyads, contradictions.
import { h, append, link, seg, num, dateRange, section, empty } from "../dom.js";
import { get, items } from "../api.js";
import { sortTable } from "../table.js";
import { storyLink, actorLink, recordLink } from "./common.js";

function docCount(s) {
  if (Array.isArray(s.documents)) return s.documents.length;
  return Number(s.documents ?? 0);
}

export async function dashboard(el, ctx) {
  ctx.setTitle("Dashboard");
  const [stats, stories, dyads, contra] = await Promise.all([
    get("stats"),
    get("stories", { limit: 500 }),
    get("dyads/top", { limit: 12 }),
    get("contradictions", { limit: 20 }),
  ]);
  const tiles = [
    ["Documents", stats.documents, "/documents"],
    ["Event mentions", stats.events, null],
    ["Event records", stats.records, "/records"],
    ["Stories", stories.total, "/stories"],
    ["Actors", stats.actors, "/actors"],
    ["Contradictions", stats.contradictions, null],
  ];
  append(
    el,
    h("h1", "Dashboard"),
    h(
      "div.tiles",
      tiles
        .filter(([, n]) => n !== null && n !== undefined)
        .map(([label, n, route]) =>
          h("div.tile", h("div.tile-n", route ? link(route, num(n)) : num(n)), h("div.tile-label", label)),
        ),
    ),
    stats.first_date ? h("p.lede", `Events dated ${dateRange(stats.first_date, stats.last_date)}.`) : null,
  );

  // Most recent first: by last date, then first date.
  const storyRows = items(stories)
    .slice()
    .sort((x, y) => (y.end || y.start || "").localeCompare(x.end || x.start || "") || Number(y.id) - Number(x.id))
    .slice(0, 12);
  const dyadRows = items(dyads);
  append(
    el,
    h(
      "div.grid2",
      section(
        "Recent stories",
        sortTable(
          [
            { label: "Dates", value: (s) => s.end || s.start || "", render: (s) => h("span.nowrap", dateRange(s.start, s.end)) },
            { label: "Story", value: (s) => s.title || "", render: (s) => storyLink(s.id, s.title) },
            { label: "Records", value: (s) => Number(s.records ?? 0), render: (s) => num(s.records), num: true },
            { label: "Docs", value: (s) => docCount(s), render: (s) => num(docCount(s)), num: true },
          ],
          storyRows,
          { sort: 0, desc: true, emptyText: "No stories yet: ingest some articles." },
        ),
        storyRows.length ? h("p.more", link("/stories", "All stories →")) : null,
      ),
      section(
        "Most active dyads",
        dyadRows.length
          ? sortTable(
              [
                { label: "Actor A", value: (d) => d.a, render: (d) => actorLink(d.a, d.a) },
                { label: "Actor B", value: (d) => d.b, render: (d) => actorLink(d.b, d.b) },
                { label: "Last", value: (d) => d.last || "", render: (d) => h("span.nowrap", d.last || "") },
                { label: "Coop.", value: (d) => Number(d.cooperation ?? 0), render: (d) => h("span.coop", num(d.cooperation)), num: true },
                { label: "Conflict", value: (d) => Number(d.conflict ?? 0), render: (d) => h("span.confl", num(d.conflict)), num: true },
                { label: "Records", value: (d) => Number(d.records ?? 0), render: (d) => num(d.records), num: true },
                { label: "", value: () => "", render: (d) => link(`/dyad/${seg(d.a)}/${seg(d.b)}`, "series →") },
              ],
              dyadRows,
              { sort: 5, desc: true },
            )
          : empty("No dyads yet."),
      ),
    ),
  );

  const contradictions = items(contra);
  if (contradictions.length) {
    append(
      el,
      section(
        "Where sources disagree",
        sortTable(
          [
            { label: "Record", value: (c) => Number(c.record_id), render: (c) => recordLink(c.record_id), num: true },
            {
              label: "Event",
              value: (c) => `${c.record.source || ""} ${c.record.plover || c.record.cameo} ${c.record.target || ""}`,
              render: (c) => h("span", c.record.source || "?", " ", h("strong", c.record.plover || c.record.cameo), " ", c.record.target || ""),
            },
            { label: "Field", value: (c) => c.field },
            {
              label: "What each source says",
              value: (c) => c.values.map((v) => v.value).join(" "),
              render: (c) =>
                h(
                  "span",
                  c.values.map((v, i) => [i ? "; " : "", h("strong", String(v.value)), h("span.muted", ` (${v.outlet || "unknown outlet"})`)]),
                ),
            },
          ],
          contradictions,
          { sort: 0 },
        ),
      ),
    );
  }
}
