/** A rendered row of a virtualized list: TanStack Virtual's item, in the scroll element's coordinates. */
export interface RowSpan {
  index: number;
  start: number;
  end: number;
}

/** The rows a virtualized table renders, and the heights of the spacer rows standing in for the others. */
export interface RowWindow {
  /** The rendered rows' indexes, in order. */
  indexes: number[];
  above: number;
  below: number;
}

/**
 * The window of `rows` (consecutive, as the virtualizer gives them) in a list `total` pixels high
 * whose first row starts `margin` pixels down the scroll element (its scrollMargin).
 */
export function rowWindow(rows: readonly RowSpan[], total: number, margin: number): RowWindow {
  if (rows.length === 0) return { indexes: [], above: 0, below: total };
  const first = rows[0].start - margin;
  const last = rows[rows.length - 1].end - margin;
  return {
    indexes: rows.map((row) => row.index),
    above: Math.max(first, 0),
    below: Math.max(total - last, 0),
  };
}

/**
 * What a table renders before the browser has measured anything (on the server, and while it
 * hydrates): the rows that fill `height` from the top at `rowHeight` each, `overscan` more, and a
 * spacer at that estimate for the rest — the rows TanStack Virtual picks at offset 0.
 */
export function firstRowsWindow(
  count: number,
  height: number,
  rowHeight: number,
  overscan: number,
): RowWindow {
  const shown = Math.min(count, Math.ceil(height / rowHeight) + overscan);
  return {
    indexes: Array.from({ length: shown }, (_, index) => index),
    above: 0,
    below: (count - shown) * rowHeight,
  };
}
