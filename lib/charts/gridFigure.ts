/** One panel of a grid figure: where it belongs and how large it is drawn. */
export interface GridFigurePanel {
  row: number;
  column: number;
  width: number;
  height: number;
}

/** Where a label is written (its text's anchor point). */
export interface GridFigureLabel {
  text: string;
  x: number;
  y: number;
}

export interface GridFigureLayout {
  width: number;
  height: number;
  /** Each panel's top-left corner, in the order given. */
  panels: { x: number; y: number }[];
  columnLabels: GridFigureLabel[];
  rowLabels: GridFigureLabel[];
}

/** Space for the column labels above the panels and the row labels left of them, and between panels. */
export const GRID_FIGURE_SPACING = { header: 24, rowLabel: 56, gap: 12 };

/**
 * A grid of panels as one figure (a study's frontiers as the paper draws them): a column is as wide as
 * its widest panel, a row as tall as its tallest cell, and panels that share a cell stand side by side
 * in it; column labels are centred above their column, row labels beside the middle of their row.
 */
export function gridFigureLayout(
  columns: readonly string[],
  rows: readonly string[],
  panels: readonly GridFigurePanel[],
): GridFigureLayout {
  const { header, rowLabel, gap } = GRID_FIGURE_SPACING;
  const cellOf = (panel: GridFigurePanel) => `${panel.row}:${panel.column}`;
  const cells = new Map<string, GridFigurePanel[]>();
  for (const panel of panels) cells.set(cellOf(panel), [...(cells.get(cellOf(panel)) ?? []), panel]);
  const cellWidth = (members: readonly GridFigurePanel[]) =>
    members.reduce((sum, panel) => sum + panel.width, 0) + gap * (members.length - 1);
  const columnWidths = columns.map((_, column) =>
    Math.max(0, ...[...cells.values()].filter((m) => m[0].column === column).map(cellWidth)),
  );
  const rowHeights = rows.map((_, row) =>
    Math.max(0, ...panels.filter((panel) => panel.row === row).map((panel) => panel.height)),
  );
  const columnX = columnWidths.map(
    (_, column) => rowLabel + columnWidths.slice(0, column).reduce((sum, width) => sum + width + gap, 0),
  );
  const rowY = rowHeights.map(
    (_, row) => header + rowHeights.slice(0, row).reduce((sum, height) => sum + height + gap, 0),
  );
  const placed = panels.map((panel) => {
    const before = (cells.get(cellOf(panel)) ?? []).slice(0, (cells.get(cellOf(panel)) ?? []).indexOf(panel));
    return {
      x: columnX[panel.column] + before.reduce((sum, other) => sum + other.width + gap, 0),
      y: rowY[panel.row],
    };
  });
  const width =
    rowLabel + columnWidths.reduce((sum, w) => sum + w, 0) + gap * Math.max(0, columns.length - 1);
  const height = header + rowHeights.reduce((sum, h) => sum + h, 0) + gap * Math.max(0, rows.length - 1);
  return {
    width,
    height,
    panels: placed,
    columnLabels: columns.map((text, column) => ({
      text,
      x: columnX[column] + columnWidths[column] / 2,
      y: header - 8,
    })),
    rowLabels: rows.map((text, row) => ({ text, x: rowLabel / 2, y: rowY[row] + rowHeights[row] / 2 })),
  };
}
