/**
 * Classes for a table that reads as one card per row on narrow screens
 * (each cell then shows its own label, `label`) and as a table from `md` up,
 * so a phone never has to scroll sideways to reach a row's last column.
 */
export const stackedTable = {
  table: "block w-full text-left text-sm md:table",
  thead: "hidden border-b border-stone-200 text-stone-600 md:table-header-group",
  th: "py-2 pr-4 font-medium",
  tbody: "block divide-y divide-stone-100 md:table-row-group",
  tr: "block py-3 align-top md:table-row md:py-0",
  cell: "block py-0.5 md:table-cell md:py-3 md:pr-4",
  label: "mr-1 text-stone-600 md:hidden",
};
