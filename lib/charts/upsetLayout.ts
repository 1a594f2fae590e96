import { scaleBand, scaleLinear } from "d3";

/** One intersection of an UpSet chart: the problems solved by exactly this combination of sets. */
export interface Intersection {
  /** pattern[s] is true when set s solves these problems. */
  pattern: boolean[];
  /** Positions (into the membership rows) of the problems in it. */
  rows: number[];
}

/**
 * Groups rows (problems) by exactly which sets they belong to, leaving out rows in no set. Largest
 * intersection first; ties by fewer sets, then by the pattern read left to right (sets in order).
 */
export function upsetIntersections(memberships: readonly (readonly boolean[])[]): Intersection[] {
  const groups = new Map<string, Intersection>();
  memberships.forEach((row, index) => {
    if (!row.some(Boolean)) return;
    const key = row.map((inSet) => (inSet ? "1" : "0")).join("");
    const group = groups.get(key) ?? { pattern: [...row], rows: [] };
    group.rows.push(index);
    groups.set(key, group);
  });
  const size = (pattern: boolean[]) => pattern.filter(Boolean).length;
  const key = (pattern: boolean[]) => pattern.map((inSet) => (inSet ? "0" : "1")).join("");
  return [...groups.values()].sort(
    (a, b) =>
      b.rows.length - a.rows.length ||
      size(a.pattern) - size(b.pattern) ||
      key(a.pattern).localeCompare(key(b.pattern)),
  );
}

export interface UpsetLayout {
  bars: { x: number; y: number; width: number; height: number; count: number }[];
  /** One dot per (intersection, set); filled when the set is in the intersection. */
  dots: { cx: number; cy: number; filled: boolean; column: number; set: number }[];
  /** Vertical connector through the filled dots of each intersection (null for a single dot). */
  connectors: ({ x: number; y1: number; y2: number } | null)[];
  /** Vertical centre of each set's row of dots, for its label. */
  setRows: number[];
  /** Left edge of the dot grid (set labels go left of it) and the top of the dot grid. */
  gridLeft: number;
  gridTop: number;
  barBottom: number;
  maxCount: number;
}

export interface UpsetLayoutOptions {
  intersections: readonly Intersection[];
  sets: number;
  width: number;
  /** Width kept for the set labels, left of the grid. */
  labelWidth: number;
  barHeight: number;
  rowHeight: number;
  top?: number;
}

/**
 * Geometry of an UpSet chart: one column per intersection with a bar (its size) above a column of
 * dots (which sets it is), columns of equal width across the space right of the labels.
 */
export function upsetLayout({
  intersections,
  sets,
  width,
  labelWidth,
  barHeight,
  rowHeight,
  top = 16,
}: UpsetLayoutOptions): UpsetLayout {
  const columns = scaleBand<number>()
    .domain(intersections.map((_, i) => i))
    .range([labelWidth, width])
    .paddingInner(0.25)
    .paddingOuter(0.1);
  const maxCount = Math.max(1, ...intersections.map((i) => i.rows.length));
  const barBottom = top + barHeight;
  const heightOf = scaleLinear().domain([0, maxCount]).range([0, barHeight]);
  const gridTop = barBottom + 8;
  const setRows = Array.from({ length: sets }, (_, s) => gridTop + rowHeight * (s + 0.5));
  const bars = intersections.map((intersection, i) => {
    const height = heightOf(intersection.rows.length);
    return {
      x: columns(i) ?? 0,
      y: barBottom - height,
      width: columns.bandwidth(),
      height,
      count: intersection.rows.length,
    };
  });
  const centre = (i: number) => (columns(i) ?? 0) + columns.bandwidth() / 2;
  const dots = intersections.flatMap((intersection, column) =>
    intersection.pattern.map((filled, set) => ({
      cx: centre(column),
      cy: setRows[set],
      filled,
      column,
      set,
    })),
  );
  const connectors = intersections.map((intersection, column) => {
    const filled = intersection.pattern.flatMap((inSet, set) => (inSet ? [setRows[set]] : []));
    return filled.length < 2 ? null : { x: centre(column), y1: filled[0], y2: filled[filled.length - 1] };
  });
  return { bars, dots, connectors, setRows, gridLeft: labelWidth, gridTop, barBottom, maxCount };
}
