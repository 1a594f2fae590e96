import { extent, color as parseColor, scaleLinear } from "d3";
import type { ExperimentThumbnail, ThumbnailPoint } from "../contracts/experimentThumbnail";
import { alphaColor } from "./alphaColor";
import { px } from "./frame";
import { type PathPart, pathRuns } from "./frontierLayout";

/** A thumbnail's point in pixels, with what its tooltip says. */
export interface ThumbnailMark extends ThumbnailPoint {
  cx: number;
  cy: number;
  /** Its α colour as #rrggbb (the shortest text: a page draws hundreds of these). */
  color: string;
  /** The point of the best solve rate (drawn larger). */
  best: boolean;
  /** A collapsed point's cross (path data in plot pixels); null for a point drawn as a dot. */
  cross: string | null;
}

export interface ThumbnailLayout {
  width: number;
  height: number;
  /** The α path in α order, split into interpolation and the two extrapolations (drawn dashed). */
  path: { part: PathPart; d: string }[];
  marks: ThumbnailMark[];
}

/** Room around the plot so that a point's marker on the edge is drawn whole. */
export const THUMBNAIL_INSET = 4;

/** Half the width of a collapsed point's cross. */
const CROSS = 3;

/**
 * Smallest span an axis shows: a frontier whose points all share one value on an axis (a sweep
 * that never times out has efficiency 1 everywhere) is drawn on a flat line in the middle, not
 * stretched from a rounding difference.
 */
const MIN_SPAN = 0.01;

function fitScale(values: readonly number[], from: number, to: number) {
  const [low = 0, high = 1] = extent(values);
  const pad = Math.max(0, MIN_SPAN - (high - low)) / 2;
  return scaleLinear()
    .domain([low - pad, high + pad])
    .range([from, to]);
}

/** Colours already worked out, by α and α range; cleared when full (a page's experiments share a few grids). */
const hexByAlpha = new Map<string, string>();
const HEX_CACHE_SIZE = 4096;

/**
 * α's colour as #rrggbb. Remembered: interpolating in Lab and parsing the rgb() text back was most
 * of the layout of a page's 50 thumbnails (about 10 ms of 12 for 400 points, measured in Node on
 * this machine under load), the layout runs again for every page the search box shows, and the
 * experiments of a page mostly share their α grids.
 */
function alphaHex(alpha: number, alphaMin: number, alphaMax: number): string {
  const key = `${alpha} ${alphaMin} ${alphaMax}`;
  let hex = hexByAlpha.get(key);
  if (hex === undefined) {
    if (hexByAlpha.size >= HEX_CACHE_SIZE) hexByAlpha.clear();
    hex = parseColor(alphaColor(alpha, alphaMin, alphaMax))?.formatHex() ?? "currentColor";
    hexByAlpha.set(key, hex);
  }
  return hex;
}

/**
 * A frontier's thumbnail on the explorer's default axes (correctness across, efficiency up), each
 * axis fitted to the points as the explorer fits its first view; no ticks: it shows the shape of
 * the α path, and the tooltips give the numbers.
 */
export function layoutThumbnail(
  thumbnail: ExperimentThumbnail,
  width: number,
  height: number,
): ThumbnailLayout {
  const { points, best } = thumbnail;
  const x = fitScale(
    points.map((point) => point.x),
    THUMBNAIL_INSET,
    width - THUMBNAIL_INSET,
  );
  const y = fitScale(
    points.map((point) => point.y),
    height - THUMBNAIL_INSET,
    THUMBNAIL_INSET,
  );
  const alphaMin = points[0]?.alpha ?? 0;
  const alphaMax = points.at(-1)?.alpha ?? 1;
  const marks = points.map((point): ThumbnailMark => {
    const [cx, cy] = [px(x(point.x)), px(y(point.y))];
    return {
      ...point,
      cx,
      cy,
      color: alphaHex(point.alpha, alphaMin, alphaMax),
      best: best !== null && point.alpha === best.alpha,
      cross: point.collapsed
        ? `M${px(cx - CROSS)},${px(cy - CROSS)}l${2 * CROSS},${2 * CROSS}m0,${-2 * CROSS}l${-2 * CROSS},${2 * CROSS}`
        : null,
    };
  });
  return { width, height, path: pathRuns(marks), marks };
}
