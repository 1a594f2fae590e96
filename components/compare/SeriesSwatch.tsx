import { seriesStyle } from "@/lib/charts/seriesStyle";

/** The marker shape and colour of the `index`-th compared experiment, as drawn on the plot. */
export function SeriesSwatch({ index }: { index: number }) {
  const style = seriesStyle(index);
  return (
    <svg width="16" height="16" viewBox="-8 -8 16 16" aria-hidden="true" data-shape={style.shape}>
      <path d={style.marker(64)} style={{ fill: style.color, stroke: "var(--text)" }} strokeWidth={1} />
    </svg>
  );
}
