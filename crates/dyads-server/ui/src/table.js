// Sortable tables. Columns: {label, value(row) -> sort key, render(row) ->
// node or text (defaults to value), num: right-aligned numeric column}.
import { h, empty } from "./dom.js";

function compare(a, b) {
  const an = a === null || a === undefined || a === "";
  const bn = b === null || b === undefined || b === "";
  if (an || bn) return an === bn ? 0 : an ? 1 : -1; // empty values last
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b), "en", { numeric: true, sensitivity: "base" });
}

/**
 * A table whose headers sort the rows (click again to reverse).
 * opts: {sort: column index, desc: bool, emptyText, rowClass(row), caption}
 */
export function sortTable(columns, rows, opts = {}) {
  if (!rows || rows.length === 0) return empty(opts.emptyText || "Nothing to show.");
  let sortCol = opts.sort ?? null;
  let desc = !!opts.desc;
  const tbody = h("tbody");
  const ths = columns.map((col, i) =>
    h(
      `th${col.num ? ".num" : ""}`,
      {
        scope: "col",
        tabindex: "0",
        title: "Sort by " + col.label,
        "aria-sort": "none",
        onclick: () => sortBy(i),
        onkeydown: (e) => {
          if (e.key === "Enter" || e.key === " ") {
            e.preventDefault();
            sortBy(i);
          }
        },
      },
      col.label,
    ),
  );

  function sortBy(i) {
    desc = sortCol === i ? !desc : !!columns[i].num;
    sortCol = i;
    render();
  }

  function render() {
    let ordered = rows.map((row, idx) => ({ row, idx }));
    if (sortCol !== null) {
      const col = columns[sortCol];
      ordered.sort((a, b) => {
        const c = compare(col.value(a.row), col.value(b.row));
        return (desc ? -c : c) || a.idx - b.idx;
      });
    }
    ths.forEach((th, i) => {
      th.setAttribute("aria-sort", i === sortCol ? (desc ? "descending" : "ascending") : "none");
    });
    tbody.replaceChildren(
      ...ordered.map(({ row }) =>
        h(
          "tr",
          { class: opts.rowClass ? opts.rowClass(row) : null },
          columns.map((col) => {
            const content = col.render ? col.render(row) : col.value(row);
            return h(`td${col.num ? ".num" : ""}`, content ?? "");
          }),
        ),
      ),
    );
  }
  render();
  return h(
    "div.tablewrap",
    h("table.data", opts.caption ? h("caption", opts.caption) : null, h("thead", h("tr", ths)), tbody),
  );
}
