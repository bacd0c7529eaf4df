// Time-series charts of dyad activity, drawn with uPlot.
import uPlot from "uplot";
import { h, QUADS } from "./dom.js";

export const QUAD_COLOURS = { 1: "#5b9bd5", 2: "#1f5f99", 3: "#e8965a", 4: "#b8342a" };
const HALF = { day: 43200, week: 3.5 * 86400, month: 16 * 86400 };
const PALETTE = ["#1f5f99", "#b8342a", "#3d8b3d", "#8e5aa8", "#d98c1f", "#2a9d9d", "#7a6a53", "#c45c8e", "#5b9bd5", "#6b7f2a"];

/** Seconds since the epoch for a period label (YYYY, YYYY-MM or YYYY-MM-DD). */
export function periodTime(p) {
  const m = String(p).match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2] || 1) - 1, Number(m[3] || 1)) / 1000;
}

/**
 * Pivots series rows ({period, plover, quad, count}) into columns.
 * mode "class": four quad classes, conflict as negative counts;
 * mode "type": one column per PLOVER type.
 */
export function pivot(rows, mode, by = null) {
  let periods = [...new Set(rows.map((r) => r.period))].filter((p) => periodTime(p) !== null).sort();
  if (by && periods.length) periods = allPeriods(periods[0], periods[periods.length - 1], by) || periods;
  const index = new Map(periods.map((p, i) => [p, i]));
  const keys =
    mode === "class"
      ? [1, 2, 3, 4]
      : [...new Set(rows.map((r) => r.plover || "untyped"))].sort();
  const cols = new Map(keys.map((k) => [k, new Array(periods.length).fill(0)]));
  for (const r of rows) {
    const i = index.get(r.period);
    if (i === undefined) continue;
    const key = mode === "class" ? Number(r.quad) : r.plover || "untyped";
    if (!cols.has(key)) continue;
    cols.get(key)[i] += Number(r.count || 0);
  }
  return { periods, keys, cols };
}

/**
 * Every period from `first` to `last` (labels as the API writes them:
 * YYYY-MM for months, the day or the week's Monday as YYYY-MM-DD), so
 * that quiet periods show as zero; null when there would be too many.
 */
export function allPeriods(first, last, by) {
  const out = [];
  const t0 = periodTime(first);
  const t1 = periodTime(last);
  if (t0 === null || t1 === null) return null;
  const d = new Date(t0 * 1000);
  while (d.getTime() / 1000 <= t1) {
    if (out.length > 5000) return null;
    const iso = d.toISOString();
    out.push(by === "month" ? iso.slice(0, 7) : iso.slice(0, 10));
    if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (by === "week" ? 7 : 1));
  }
  return out;
}

function barsPath() {
  return uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.7, 48], align: 0 }) : undefined;
}

/**
 * Draws the chart into `el` (which must be attached, for its width).
 * Returns the uPlot instance, or null when there is nothing to draw.
 */
export function seriesChart(el, rows, { mode = "class", by = "month" } = {}) {
  const { periods, keys, cols } = pivot(rows, mode, by);
  if (!periods.length) return null;
  const xs = periods.map(periodTime);
  const width = Math.max(320, el.clientWidth || 800);
  const fmtPeriod = (t) => {
    const d = new Date(t * 1000).toISOString();
    return by === "month" ? d.slice(0, 7) : d.slice(0, 10);
  };
  let data;
  let series;
  if (mode === "class") {
    // Stacked: material on top of verbal; conflict below the axis.
    const v1 = cols.get(1);
    const v2 = cols.get(2);
    const v3 = cols.get(3);
    const v4 = cols.get(4);
    const coopTotal = v1.map((x, i) => x + v2[i]);
    const conflTotal = v3.map((x, i) => -(x + v4[i]));
    const raw = [null, v2, v1, v4, v3];
    data = [xs, coopTotal, v1, conflTotal, v3.map((x) => -x)];
    const mk = (q, idx) => ({
      label: QUADS[q].name,
      stroke: QUAD_COLOURS[q],
      fill: QUAD_COLOURS[q],
      width: 0,
      paths: barsPath(),
      points: { show: false },
      value: (u, v, si, i) => (i === null || i === undefined ? "–" : String(raw[idx][i])),
    });
    series = [{ value: (u, t) => (t === null ? "–" : fmtPeriod(t)) }, mk(2, 1), mk(1, 2), mk(4, 3), mk(3, 4)];
  } else {
    data = [xs, ...keys.map((k) => cols.get(k))];
    series = [
      { value: (u, t) => (t === null ? "–" : fmtPeriod(t)) },
      ...keys.map((k, i) => ({
        label: k,
        stroke: PALETTE[i % PALETTE.length],
        width: 2,
        // Dots only where something happened.
        points: {
          show: false,
          size: 7,
          fill: PALETTE[i % PALETTE.length],
          filter: (u, si) => u.data[si].flatMap((v, j) => (v > 0 ? [j] : [])),
        },
      })),
    ];
  }
  const opts = {
    width,
    height: 300,
    series,
    scales: {
      // Half a period of room on each side, so edge bars are whole.
      x: { time: true, range: (u, lo, hi) => [lo - HALF[by], hi + HALF[by]] },
      y: { range: (u, lo, hi) => [Math.min(0, lo) - 0.5, Math.max(0, hi) + 0.5] } },
    axes: [
      { stroke: "#444", grid: { stroke: "#eee" } },
      {
        stroke: "#444",
        grid: { stroke: "#eee" },
        label: mode === "class" ? "records (conflict below zero)" : "records",
        values: (u, splits) => splits.map((v) => (Number.isInteger(v) ? String(Math.abs(v)) : "")),
      },
    ],
    legend: { live: true },
    cursor: { points: { show: false } },
  };
  const plot = new uPlot(opts, data, el);
  return plot;
}

/** A data table under a chart: periods x keys. */
export function pivotTable(rows, mode) {
  const { periods, keys, cols } = pivot(rows, mode);
  const label = (k) => (mode === "class" ? QUADS[k].name : k);
  return h(
    "div.tablewrap",
    h(
      "table.data.compact",
      h("thead", h("tr", h("th", "Period"), keys.map((k) => h("th.num", label(k))))),
      h(
        "tbody",
        periods.map((p, i) => h("tr", h("td", p), keys.map((k) => h("td.num", cols.get(k)[i] ? String(cols.get(k)[i]) : h("span.muted", "0"))))),
      ),
    ),
  );
}
