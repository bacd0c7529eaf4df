// dyads web UI: a single-page app with hash routes (#/story/5).
import { h, replace, errorBox } from "./dom.js";
import { dashboard } from "./views/dashboard.js";
import { storyList, storyView } from "./views/story.js";
import { recordList, recordView } from "./views/record.js";
import { actorList, actorView } from "./views/actor.js";
import { dyadView } from "./views/dyad.js";
import { networkView } from "./views/network.js";
import { documentList, documentView } from "./views/document.js";
import { searchView } from "./views/search.js";

// [pattern, view, nav key]; patterns are matched against the path.
const routes = [
  [/^\/?$/, dashboard, "dashboard"],
  [/^\/stories$/, storyList, "stories"],
  [/^\/story\/([^/]+)$/, storyView, "stories"],
  [/^\/records$/, recordList, "records"],
  [/^\/record\/([^/]+)$/, recordView, "records"],
  [/^\/actors$/, actorList, "actors"],
  [/^\/actor\/([^/]+)$/, actorView, "actors"],
  [/^\/dyad\/([^/]+)\/([^/]+)$/, dyadView, "actors"],
  [/^\/network$/, networkView, "network"],
  [/^\/documents$/, documentList, "documents"],
  [/^\/doc\/([^/]+)$/, documentView, "documents"],
  [/^\/search$/, searchView, "search"],
];

let generation = 0;

/** Parses location.hash into a path and its query parameters. */
export function currentRoute() {
  const raw = location.hash.replace(/^#/, "") || "/";
  const qpos = raw.indexOf("?");
  const path = qpos >= 0 ? raw.slice(0, qpos) : raw;
  const params = new URLSearchParams(qpos >= 0 ? raw.slice(qpos + 1) : "");
  return { path, params };
}

async function render() {
  const app = document.getElementById("app");
  const { path, params } = currentRoute();
  const my = ++generation;
  let matched = null;
  for (const [pattern, view, nav] of routes) {
    const m = path.match(pattern);
    if (m) {
      matched = { view, nav, args: m.slice(1).map(decodeURIComponent) };
      break;
    }
  }
  for (const a of document.querySelectorAll("[data-nav]")) {
    a.classList.toggle("active", !!matched && a.dataset.nav === matched.nav);
  }
  if (!matched) {
    replace(app, h("h1", "Not found"), h("p", "No page at ", h("code", path), "."));
    document.title = "Not found · dyads";
    return;
  }
  const container = h("div.view");
  replace(app, h("p.muted.loading", "Loading…"));
  try {
    const ctx = {
      params,
      isCurrent: () => my === generation,
      setTitle: (t) => {
        if (my === generation) document.title = t ? `${t} · dyads` : "dyads";
      },
    };
    await matched.view(container, ctx, ...matched.args);
    if (my !== generation) return;
    replace(app, container);
    app.dataset.view = matched.nav;
    window.scrollTo(0, 0);
    // Let views draw what needs layout (charts, graphs) once attached.
    container.dispatchEvent(new CustomEvent("attached"));
  } catch (err) {
    if (my !== generation) return;
    replace(app, errorBox(err));
  }
}

function setupSearch() {
  const form = document.getElementById("searchbox");
  if (!form) return;
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const q = form.elements.q.value.trim();
    if (q) location.hash = "#/search?q=" + encodeURIComponent(q);
  });
}

window.addEventListener("hashchange", render);
window.addEventListener("DOMContentLoaded", () => {
  // The server answers any non-API path with this page: /story/5 becomes #/story/5.
  if (location.pathname !== "/" && !location.hash) {
    history.replaceState(null, "", "/#" + location.pathname + location.search);
  }
  setupSearch();
  render();
});
