// Actors: the list and one actor (roles over time, timeline, counterparts).
import { h, append, num, section, facts, empty, seg, link, dateRange } from "../dom.js";
import { get, items } from "../api.js";
import { sortTable } from "../table.js";
import { recordsTable, actorLink, pager } from "./common.js";

const actorKey = (a) => a.actor_id;

/** The key for dyad series: a state's country code, else the name. */
const dyadKey = (a) => (a.kind === "state" && a.country ? a.country : a.canonical);

export async function actorList(el, ctx) {
  ctx.setTitle("Actors");
  const q = ctx.params.get("q") || "";
  const offset = Number(ctx.params.get("offset") || 0);
  const page = await get("actors", { limit: 200, offset, q });
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "Filter by name" });
  const form = h("form.filters", input, h("button", { type: "submit" }, "Find"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = "#/actors" + (input.value.trim() ? "?q=" + encodeURIComponent(input.value.trim()) : "");
  });
  append(el, 
    h("h1", "Actors"),
    form,
    sortTable(
      [
        { label: "Actor", value: (a) => a.canonical || "", render: (a) => actorLink(a.canonical, actorKey(a)) },
        { label: "Kind", value: (a) => a.kind || "" },
        { label: "Country", value: (a) => a.country || "" },
        { label: "Sector", value: (a) => a.sector || "" },
        { label: "Code", value: (a) => a.code || "", render: (a) => h("span.cameo", a.code || "") },
        { label: "Documents", value: (a) => Number(a.documents ?? 0), render: (a) => num(a.documents), num: true },
        { label: "Last seen", value: (a) => a.last_seen || "", render: (a) => (a.last_seen || "").slice(0, 10) },
      ],
      items(page),
      { sort: 5, desc: true, emptyText: q ? "No actor matches." : "No actors yet." },
    ),
    pager("/actors", ctx.params, page || {}),
  );
}

/** Roles drawn as bars on a shared year axis (dates of the documents giving them). */
function rolesChart(roles) {
  const dated = roles.filter((r) => r.first || r.last);
  if (!dated.length) return null;
  const year = (d) => Number(String(d).slice(0, 4)) + (Number(String(d).slice(5, 7) || 1) - 1) / 12 + (Number(String(d).slice(8, 10) || 1) - 1) / 365;
  const lo = Math.floor(Math.min(...dated.map((r) => year(r.first || r.last))));
  const hi = Math.floor(Math.max(...dated.map((r) => year(r.last || r.first)))) + 1;
  const span = Math.max(1, hi - lo);
  const rows = dated.map((r) => {
    const a = year(r.first || r.last);
    const b = year(r.last || r.first);
    const bar = h("div.role-bar", { title: `${r.role}: ${dateRange((r.first || "").slice(0, 10), (r.last || "").slice(0, 10))}` });
    bar.style.left = `${((a - lo) / span) * 100}%`;
    bar.style.width = `${Math.max(0.8, ((b - a) / span) * 100)}%`;
    return h("div.role-row", h("div.role-label", { title: r.role }, r.role), h("div.role-track", bar));
  });
  return h(
    "div.roles",
    rows,
    h("div.role-row.axis", h("div.role-label"), h("div.role-track", h("span.axis-lo", String(lo)), h("span.axis-hi", String(hi)))),
  );
}

/**
 * Fetches an actor by id, or by a name or country code as records and the
 * network give them: looked up in the actor list first (no 404 to log).
 */
async function resolveActor(key) {
  const found = items(await get("actors", { q: key, limit: 100 }));
  const k = key.toLowerCase();
  const hit =
    found.find((a) => a.actor_id.toLowerCase() === k) ||
    found.find((a) => a.canonical.toLowerCase() === k) ||
    found.find((a) => a.kind === "state" && (a.country || "").toLowerCase() === k) ||
    found.find((a) => (a.code || "").toLowerCase() === k);
  if (!hit) return null;
  return get(`actors/${seg(hit.actor_id)}`);
}

export async function actorView(el, ctx, id) {
  const a = await resolveActor(id);
  if (!a) {
    ctx.setTitle(id);
    append(el, 
      h("p.crumbs", link("/actors", "Actors"), " / ", id),
      h("h1", id),
      empty("No actor of that name or id is stored; it may be a group of several actors (as in the network)."),
      section("Records", recordsTable(items(await get("records", { actor: id, limit: 500 })), { sort: 0 })),
    );
    return;
  }
  const name = a.canonical || id;
  ctx.setTitle(name);
  const roles = a.roles || [];
  const timeline = a.timeline || [];
  const counterparts = a.counterparts || [];
  const mine = dyadKey(a);
  append(el, 
    h("p.crumbs", link("/actors", "Actors"), " / ", name),
    h("h1", name),
    facts([
      ["Id", h("code", a.actor_id)],
      ["Kind", a.kind],
      ["Country", a.country],
      ["Sector", a.sector],
      ["Code", a.code],
      ["Also called", (a.surface_forms || []).filter((f) => f !== name).join(", ")],
      ["Documents", num(a.documents)],
      ["Event mentions", a.events !== undefined ? num(a.events) : null],
      ["Last seen", (a.last_seen || "").slice(0, 10)],
    ]),
    section(
      "Roles over time",
      roles.length
        ? [
            rolesChart(roles),
            sortTable(
              [
                { label: "Role", value: (r) => r.role || "" },
                { label: "First", value: (r) => r.first || "", render: (r) => (r.first || "").slice(0, 10) },
                { label: "Last", value: (r) => r.last || "", render: (r) => (r.last || "").slice(0, 10) },
                { label: "Documents", value: (r) => Number(r.documents ?? 0), render: (r) => num(r.documents), num: true },
              ],
              roles,
              { sort: 1 },
            ),
          ]
        : empty(a.kind === "person" ? "No roles given in the documents." : "Roles are kept for people only."),
    ),
    section(
      "Counterparts",
      sortTable(
        [
          { label: "Counterpart", value: (c) => c.canonical || c.actor_id, render: (c) => actorLink(c.canonical || c.actor_id, actorKey(c)) },
          { label: "Country", value: (c) => c.country || "" },
          { label: "As target", value: (c) => Number(c.as_target ?? 0), render: (c) => num(c.as_target), num: true },
          { label: "As source", value: (c) => Number(c.as_source ?? 0), render: (c) => num(c.as_source), num: true },
          { label: "Coop.", value: (c) => Number(c.cooperation ?? 0), render: (c) => h("span.coop", num(c.cooperation)), num: true },
          { label: "Conflict", value: (c) => Number(c.conflict ?? 0), render: (c) => h("span.confl", num(c.conflict)), num: true },
          {
            label: "",
            value: () => "",
            render: (c) => link(`/dyad/${seg(mine)}/${seg(c.country && c.actor_id === c.country ? c.country : c.canonical)}`, "dyad series →"),
          },
        ],
        counterparts,
        { emptyText: "No counterparts in the record." },
      ),
    ),
    section(`Timeline (${num(timeline.length)} records)`, recordsTable(timeline, { sort: 0, emptyText: "No event records with this actor." })),
  );
}
