import type { ExperimentPage, ExperimentPageItem } from "./experimentListQuery";
import type { ExperimentThumbnail, ThumbnailPoint } from "./experimentThumbnail";

/** A thumbnail point by position: α, x, y, solve rate, collapsed (1) or not (0). */
type PackedPoint = [number, number, number, number | null, 0 | 1];

/**
 * A thumbnail by position: its version (null when it is the row's, as a page's always is), points,
 * best α and best solve rate (both null when there is no best). The axes are the only ones a
 * thumbnail has.
 */
type PackedThumbnail = [string | null, PackedPoint[], number | null, number | null];

/** A row by position, in the order of {@link ExperimentPageItem}'s fields. */
type PackedItem = [
  version: string,
  slug: string,
  name: string,
  benchmark: string,
  setting: ExperimentPageItem["setting"],
  synthetic: 0 | 1,
  alphaMin: number | null,
  alphaMax: number | null,
  checkpoints: number,
  problems: number,
  updatedAt: string,
  modelScale: string | null,
  modelFamily: string | null,
  thumbnail: PackedThumbnail | null,
];

/**
 * One page of the experiment list as the home page hands it to the browser to hydrate from: the
 * same values as {@link ExperimentPage}, every number exact, but each row and point an array
 * instead of an object. The page's HTML carries this payload beside the rows' markup, and field
 * names were half of it (issue #24: the first HTML must stay ≤ 150 KB with 50 rows and their thumbnails).
 */
export interface PackedExperimentPage {
  total: number;
  offset: number;
  nextCursor: string | null;
  previousCursor: string | null;
  items: PackedItem[];
}

function packThumbnail(thumbnail: ExperimentThumbnail, rowVersion: string): PackedThumbnail {
  return [
    thumbnail.version === rowVersion ? null : thumbnail.version,
    thumbnail.points.map((point) => [
      point.alpha,
      point.x,
      point.y,
      point.solveRate,
      point.collapsed ? 1 : 0,
    ]),
    thumbnail.best?.alpha ?? null,
    thumbnail.best?.solveRate ?? null,
  ];
}

function unpackThumbnail(packed: PackedThumbnail, rowVersion: string): ExperimentThumbnail {
  const [version, points, bestAlpha, bestSolveRate] = packed;
  return {
    version: version ?? rowVersion,
    axes: { x: "correctness", y: "efficiency" },
    points: points.map(
      ([alpha, x, y, solveRate, collapsed]): ThumbnailPoint => ({
        alpha,
        x,
        y,
        solveRate,
        collapsed: collapsed === 1,
      }),
    ),
    best:
      bestAlpha === null || bestSolveRate === null ? null : { alpha: bestAlpha, solveRate: bestSolveRate },
  };
}

export function packExperimentPage(page: ExperimentPage): PackedExperimentPage {
  return {
    total: page.total,
    offset: page.offset,
    nextCursor: page.nextCursor,
    previousCursor: page.previousCursor,
    items: page.items.map((item) => [
      item.version,
      item.slug,
      item.name,
      item.benchmark,
      item.setting,
      item.synthetic ? 1 : 0,
      item.alphaMin,
      item.alphaMax,
      item.checkpoints,
      item.problems,
      item.updatedAt,
      item.modelScale,
      item.modelFamily,
      item.thumbnail === null ? null : packThumbnail(item.thumbnail, item.version),
    ]),
  };
}

export function unpackExperimentPage(packed: PackedExperimentPage): ExperimentPage {
  return {
    total: packed.total,
    offset: packed.offset,
    nextCursor: packed.nextCursor,
    previousCursor: packed.previousCursor,
    items: packed.items.map(
      ([
        version,
        slug,
        name,
        benchmark,
        setting,
        synthetic,
        alphaMin,
        alphaMax,
        checkpoints,
        problems,
        updatedAt,
        modelScale,
        modelFamily,
        thumbnail,
      ]): ExperimentPageItem => ({
        version,
        slug,
        name,
        benchmark,
        setting,
        synthetic: synthetic === 1,
        alphaMin,
        alphaMax,
        checkpoints,
        problems,
        updatedAt,
        modelScale,
        modelFamily,
        thumbnail: thumbnail === null ? null : unpackThumbnail(thumbnail, version),
      }),
    ),
  };
}
