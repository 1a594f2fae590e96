import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from "d3";

/** How one compared experiment is drawn: a colour and, so it reads in greyscale too, a marker shape. */
export interface SeriesStyle {
  /** CSS colour: a variable of the comparison's stylesheet with its value as fallback. */
  color: string;
  shape: "circle" | "square" | "triangle" | "diamond";
  /** The marker's SVG path, centred on (0, 0), for a marker of about `size` px². */
  marker(size: number): string;
}

/*
 * Okabe–Ito blue, vermillion, bluish green and reddish purple: told apart with the common
 * colour-vision deficiencies; the shapes tell them apart where colour cannot (greyscale, print).
 */
const PALETTE = ["#0072b2", "#d55e00", "#009e73", "#cc79a7"] as const;
const SHAPES = [
  ["circle", symbolCircle],
  ["square", symbolSquare],
  ["triangle", symbolTriangle],
  ["diamond", symbolDiamond],
] as const;

/** The style of the `index`-th compared experiment (0–3; a comparison shows at most four). */
export function seriesStyle(index: number): SeriesStyle {
  const slot = index % PALETTE.length;
  const [shape, type] = SHAPES[slot];
  return {
    color: `var(--series-${slot + 1}, ${PALETTE[slot]})`,
    shape,
    marker: (size) => symbol(type, size)() ?? "",
  };
}
