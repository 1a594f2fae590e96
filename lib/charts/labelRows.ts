/** A label to place along an axis: its centre and width in pixels. */
export interface AxisLabel {
  center: number;
  width: number;
}

/**
 * Rows for labels centred on their values along an axis, so that no two labels in a row come closer
 * than `gap` pixels: each label, left to right, takes the first row it fits in. A sparse axis keeps
 * every label in row 0; a crowded one (a fine α grid on a narrow screen) staggers them.
 * Returns each label's row, in the order the labels were given.
 */
export function labelRows(labels: readonly AxisLabel[], gap: number): number[] {
  const order = labels.map((_, i) => i).sort((i, j) => labels[i].center - labels[j].center);
  const rowEnds: number[] = [];
  const rows = new Array<number>(labels.length).fill(0);
  for (const i of order) {
    const { center, width } = labels[i];
    const left = center - width / 2;
    let row = rowEnds.findIndex((end) => end + gap <= left);
    if (row === -1) row = rowEnds.push(0) - 1;
    rowEnds[row] = center + width / 2;
    rows[i] = row;
  }
  return rows;
}
