// Full-text search over the documents (the API's FTS5 endpoint).
import { h, append, empty, num } from "../dom.js";
import { get, items } from "../api.js";
import { docLink, pager } from "./common.js";

/** Renders a snippet: parts of text, the matched terms marked. */
export function snippet(parts) {
  const out = h("span.snippet");
  for (const p of parts || []) append(out, p.hit ? h("mark", p.text) : p.text);
  return out;
}

export async function searchView(el, ctx) {
  const q = (ctx.params.get("q") || "").trim();
  const offset = Number(ctx.params.get("offset") || 0);
  ctx.setTitle(q ? `Search: ${q}` : "Search");
  const input = h("input", { type: "search", name: "q", value: q, placeholder: "Words (all must occur); prefix*", "aria-label": "Search query" });
  const form = h("form.filters.searchform", input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const v = input.value.trim();
    if (v) location.hash = "#/search?q=" + encodeURIComponent(v);
  });
  append(el, h("h1", "Search"), form);
  const box = document.getElementById("searchbox");
  if (box && box.elements.q) box.elements.q.value = q;
  if (!q) {
    append(el, empty("Type words to find in the stored documents."));
    return;
  }
  const page = await get("search", { q, limit: 50, offset });
  const hits = items(page);
  const total = page && page.total !== undefined ? Number(page.total) : hits.length;
  append(el, h("p.lede", `${num(total)} document${total === 1 ? " matches" : "s match"} `, h("strong", q), "."));
  if (!hits.length) {
    append(el, empty("No document matches."));
    return;
  }
  append(el, 
    h(
      "ol.results",
      { start: String(offset + 1) },
      hits.map((r) =>
        h(
          "li.result",
          h("div.result-title", docLink(r.doc_id, r.title)),
          h("div.muted", [r.outlet, (r.published || r.date || "").slice(0, 10)].filter(Boolean).join(" · ")),
          r.snippet && r.snippet.length ? h("div.result-snippet", snippet(r.snippet)) : null,
        ),
      ),
    ),
    pager("/search", ctx.params, page || {}),
  );
}
