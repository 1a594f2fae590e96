/**
 * A row of a virtualized table standing in for the rows out of view: as tall as they are, and
 * hidden from assistive technology, which would announce it as an empty row. A screen reader
 * learns where a rendered row sits, and how many rows the table has, from its aria-rowindex and
 * the table's aria-rowcount.
 */
export function SpacerRow({ columns, height }: { columns: number; height: number }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a row with one empty cell takes no focus.
    <tr className="table-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  );
}
