import { symbol, symbolCircle, symbolDiamond, symbolSquare, symbolTriangle } from "d3";
import { paletteVar, SERIES_COLORS } from "./palette";

/** How one compared experiment is drawn: a colour and, so it reads in greyscale too, a marker shape. */
export interface SeriesStyle {
  /** CSS colour: a palette variable (it follows the colour scheme). */
  color: string;
  shape: "circle" | "square" | "triangle" | "diamond";
  /** The marker's SVG path, centred on (0, 0), for a marker of about `size` px². */
  marker(size: number): string;
}

/* The shapes tell the series apart where colour cannot (greyscale, print). */
const SHAPES = [
  ["circle", symbolCircle],
  ["square", symbolSquare],
  ["triangle", symbolTriangle],
  ["diamond", symbolDiamond],
] as const;

/** The style of the `index`-th compared experiment (0–3; a comparison shows at most four). */
export function seriesStyle(index: number): SeriesStyle {
  const slot = index % SERIES_COLORS.length;
  const [shape, type] = SHAPES[slot];
  return {
    color: paletteVar(SERIES_COLORS[slot]),
    shape,
    marker: (size) => symbol(type, size)() ?? "",
  };
}
