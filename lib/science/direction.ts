/** Whether a larger or a smaller value of a metric (or Pareto objective) is better. */
export type Direction = "higher" | "lower";

/** The value turned so that larger is always better (negated when lower is better). */
export function oriented(value: number, direction: Direction): number {
  return direction === "higher" ? value : -value;
}
