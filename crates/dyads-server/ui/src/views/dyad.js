// Dyad view: cooperation vs conflict between two actors over time.
import { h, append, section, empty, seg, link, num } from "../dom.js";
import { get, items } from "../api.js";
import { seriesChart, pivotTable } from "../chart.js";
import { actorLink, recordsTable } from "./common.js";

const BYS = ["day", "week", "month"];
const MODES = [
  ["class", "by class"],
  ["type", "by PLOVER type"],
];

export async function dyadView(el, ctx, a, b) {
  const by = BYS.includes(ctx.params.get("by")) ? ctx.params.get("by") : "month";
  const mode = ctx.params.get("mode") === "type" ? "type" : "class";
  const all = ctx.params.get("all") === "1";
  ctx.setTitle(`${a} – ${b}`);
  const body = await get("dyad", { a, b, by, all: all ? "true" : null });
  const rows = body.rows || [];
  // The records behind the series (same pair, either direction).
  const related = items(await get("records", { actor: a, limit: 500, facts: all ? null : "true" }));
  const is = (key, name, country) => [name, country].some((x) => (x || "").toLowerCase() === key.toLowerCase());
  const pair = related.filter(
    (r) =>
      (is(a, r.source, r.source_country) && is(b, r.target, r.target_country)) ||
      (is(b, r.source, r.source_country) && is(a, r.target, r.target_country)),
  );
  // The series counts dated records only; the table lists the same ones
  // and says how many have no date.
  const records = pair.filter((r) => r.date);
  const undated = pair.length - records.length;

  const route = (over) => {
    const p = new URLSearchParams({ by, mode, ...(all ? { all: "1" } : {}), ...over });
    if (p.get("all") === "0") p.delete("all");
    return `#/dyad/${seg(a)}/${seg(b)}?${p}`;
  };
  const toggle = (label, href, active) => h(`a.toggle${active ? ".active" : ""}`, { href, "aria-pressed": active ? "true" : "false" }, label);

  const total = rows.reduce((s, r) => s + Number(r.count || 0), 0);
  const coop = rows.filter((r) => Number(r.quad) <= 2).reduce((s, r) => s + Number(r.count || 0), 0);
  const chartBox = h("div.chart", { id: "dyad-chart" });

  append(el, 
    h("p.crumbs", link("/actors", "Actors"), " / dyad"),
    h("h1", actorLink(a, a), h("span.muted", " and "), actorLink(b, b)),
    h(
      "p.lede",
      total
        ? `${num(total)} event records between them, either direction: ${num(coop)} cooperative, ${num(total - coop)} conflictual.`
        : "No dated event records between these two actors.",
    ),
    h(
      "div.toolbar",
      h("span.group", BYS.map((x) => toggle(x, route({ by: x }), x === by))),
      h("span.group", MODES.map(([m, label]) => toggle(label, route({ mode: m }), m === mode))),
      h(
        "span.group",
        toggle("facts only", route({ all: "0" }), !all),
        toggle("all modalities", route({ all: "1" }), all),
      ),
    ),
    section("Series", total ? chartBox : empty("Nothing to chart."), total ? pivotTable(rows, mode) : null),
    section(
      "Event records",
      recordsTable(records, { sort: 0, emptyText: "No dated records found for this pair." }),
      undated ? h("p.muted.undated", `${num(undated)} more ${undated === 1 ? "record has" : "records have"} no date and ${undated === 1 ? "is" : "are"} not in the series.`) : null,
    ),
  );
  if (total) {
    el.addEventListener("attached", () => seriesChart(chartBox, rows, { mode, by }), { once: true });
  }
}
