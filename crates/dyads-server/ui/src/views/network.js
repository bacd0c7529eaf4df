// The actor network: force layout (d3-force) drawn as SVG; edges coloured
// by the share of cooperation, width by the number of records.
import { forceSimulation, forceLink, forceManyBody, forceCollide, forceX, forceY } from "d3-force";
import { h, append, section, empty, seg, num } from "../dom.js";
import { get, items } from "../api.js";
import { sortTable } from "../table.js";
import { actorLink } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children) append(el, c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Colour from conflict (red) through mixed (grey) to cooperation (blue). */
export function edgeColour(coop, confl) {
  const total = coop + confl;
  if (!total) return "#999";
  const t = coop / total; // 1 = all cooperation
  const c = [
    [184, 52, 42],
    [150, 150, 150],
    [31, 95, 153],
  ];
  const [from, to, f] = t < 0.5 ? [c[0], c[1], t * 2] : [c[1], c[2], (t - 0.5) * 2];
  const mix = from.map((x, i) => Math.round(x + (to[i] - x) * f));
  return `rgb(${mix.join(",")})`;
}

/** Normalises the API's network into nodes and edges. */
function graphOf(body) {
  const edgesIn = Array.isArray(body.edges) ? body.edges : items(body);
  const nodesIn = Array.isArray(body.nodes) ? body.nodes : [];
  const nodes = new Map();
  for (const n of nodesIn) {
    const id = String(n.id ?? n.key ?? n.name);
    nodes.set(id, { id, label: n.label || n.name || id, records: Number(n.records ?? 0), coop: Number(n.cooperation ?? 0), confl: Number(n.conflict ?? 0) });
  }
  const edges = [];
  for (const e of edgesIn) {
    const src = String(e.source);
    const tgt = String(e.target);
    for (const id of [src, tgt]) if (!nodes.has(id)) nodes.set(id, { id, label: id, records: 0, coop: 0, confl: 0 });
    const coop = Number(e.cooperation ?? 0);
    const confl = Number(e.conflict ?? 0);
    edges.push({ source: src, target: tgt, coop, confl, weight: coop + confl, goldstein: e.goldstein_sum });
  }
  if (!nodesIn.length) {
    for (const e of edges) {
      nodes.get(e.source).records += e.weight;
      nodes.get(e.target).records += e.weight;
    }
  }
  return { nodes: [...nodes.values()], edges };
}

function draw(box, graph) {
  const width = Math.max(480, box.clientWidth || 900);
  const height = Math.max(420, Math.min(720, Math.round(width * 0.62)));
  const nodes = graph.nodes.map((n) => ({ ...n }));
  const links = graph.edges.map((e) => ({ ...e }));
  const maxW = Math.max(1, ...links.map((l) => l.weight));
  const maxR = Math.max(1, ...nodes.map((n) => n.records));
  const radius = (n) => 5 + 13 * Math.sqrt(n.records / maxR);

  const sim = forceSimulation(nodes)
    .force("link", forceLink(links).id((d) => d.id).distance(120).strength(0.3))
    .force("charge", forceManyBody().strength(-600))
    .force("x", forceX(0).strength(0.06))
    .force("y", forceY(0).strength(0.06))
    .force("collide", forceCollide((d) => radius(d) + 24))
    .stop();
  // A fixed number of ticks (d3-force is seeded): the same store gives
  // the same picture.
  for (let i = 0; i < 300; i++) sim.tick();
  // Fit the layout into the box, keeping room for labels.
  const padX = 90;
  const padY = 40;
  const xs = nodes.map((n) => n.x);
  const ys = nodes.map((n) => n.y);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const sx = (width - 2 * padX) / Math.max(1, x1 - x0);
  const sy = (height - 2 * padY) / Math.max(1, y1 - y0);
  const k = Math.min(sx, sy, 3);
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  for (const n of nodes) {
    n.x = width / 2 + (n.x - cx) * Math.min(sx, k * 1.6);
    n.y = height / 2 + (n.y - cy) * Math.min(sy, k * 1.6);
  }

  const svg = s("svg", { viewBox: `0 0 ${width} ${height}`, width, height, class: "network", role: "img", "aria-label": "Actor network" });
  const defs = s("defs");
  append(svg, defs);
  const gEdges = s("g", { class: "edges" });
  const gNodes = s("g", { class: "nodes" });
  append(svg, gEdges, gNodes);
  links.forEach((l, i) => {
    const colour = edgeColour(l.coop, l.confl);
    const markerId = `arrow-${i}`;
    append(defs, 
      s("marker", { id: markerId, viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto" }, s("path", { d: "M0,0L10,5L0,10z", fill: colour })),
    );
    // Curve each directed edge a little so A->B and B->A stay apart.
    const dx = l.target.x - l.source.x;
    const dy = l.target.y - l.source.y;
    const len = Math.hypot(dx, dy) || 1;
    const rT = radius(l.target) + 2;
    const tx = l.target.x - (dx / len) * rT;
    const ty = l.target.y - (dy / len) * rT;
    const mx = (l.source.x + tx) / 2 - (dy / len) * 14;
    const my = (l.source.y + ty) / 2 + (dx / len) * 14;
    const path = s("path", {
      d: `M${l.source.x.toFixed(1)},${l.source.y.toFixed(1)}Q${mx.toFixed(1)},${my.toFixed(1)} ${tx.toFixed(1)},${ty.toFixed(1)}`,
      stroke: colour,
      "stroke-width": (1 + 5 * (l.weight / maxW)).toFixed(2),
      fill: "none",
      "marker-end": `url(#${markerId})`,
      class: "edge",
    });
    path.append(s("title", {}, `${l.source.label} → ${l.target.label}: ${l.coop} cooperative, ${l.confl} conflictual`));
    append(gEdges, path);
  });
  for (const n of nodes) {
    const a = s("a", { href: `#/actor/${seg(n.id)}`, class: "node" });
    append(a, 
      s("circle", { cx: n.x.toFixed(1), cy: n.y.toFixed(1), r: radius(n).toFixed(1) }),
      s("text", { x: n.x.toFixed(1), y: (n.y - radius(n) - 4).toFixed(1), "text-anchor": "middle" }, n.label),
      s("title", {}, `${n.label}: ${n.records} records, ${n.coop} cooperative, ${n.confl} conflictual (click for the actor)`),
    );
    append(gNodes, a);
  }
  box.replaceChildren(svg);
}

export async function networkView(el, ctx) {
  ctx.setTitle("Actor network");
  const factsOnly = ctx.params.get("facts") === "1";
  const body = await get("network", { facts: factsOnly ? "true" : null });
  const graph = graphOf(body || {});
  const box = h("div.networkbox", { id: "network" });
  append(el, 
    h("h1", "Actor network"),
    h(
      "p.lede",
      `${num(graph.nodes.length)} actors, ${num(graph.edges.length)} directed links. Edge colour: `,
      h("span.key.key-coop", "cooperation"),
      " … ",
      h("span.key.key-mixed", "mixed"),
      " … ",
      h("span.key.key-confl", "conflict"),
      "; width: number of records. Click an actor to open it.",
    ),
    h(
      "div.toolbar",
      h(
        "span.group",
        h(`a.toggle${!factsOnly ? ".active" : ""}`, { href: "#/network" }, "all modalities"),
        h(`a.toggle${factsOnly ? ".active" : ""}`, { href: "#/network?facts=1" }, "facts only (asserted, historical)"),
      ),
    ),
    graph.nodes.length ? box : empty("No links between actors yet."),
    section(
      "Links",
      sortTable(
        [
          { label: "Source", value: (e) => e.source, render: (e) => actorLink(e.source, e.source) },
          { label: "Target", value: (e) => e.target, render: (e) => actorLink(e.target, e.target) },
          { label: "Coop.", value: (e) => e.coop, render: (e) => h("span.coop", num(e.coop)), num: true },
          { label: "Conflict", value: (e) => e.confl, render: (e) => h("span.confl", num(e.confl)), num: true },
          { label: "Goldstein sum", value: (e) => Number(e.goldstein ?? 0), render: (e) => (e.goldstein === undefined ? "" : Number(e.goldstein).toFixed(1)), num: true },
        ],
        graph.edges,
        { sort: 2, desc: true, emptyText: "No links." },
      ),
    ),
  );
  if (graph.nodes.length) el.addEventListener("attached", () => draw(box, graph), { once: true });
}
