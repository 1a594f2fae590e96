import { percentileInterval } from "./bootstrap";
import { createPointEstimator } from "./estimate";

/** A position in the plotted metrics (x, y), in each metric's own units. */
export interface PlotPosition {
  x: number;
  y: number;
}

/** The α path between the endpoints: evaluated α in [0, 1] (ascending, 0 and 1 included) and their positions. */
export interface InterpolationPath {
  alphas: readonly number[];
  positions: readonly PlotPosition[];
}

/** α steps the path is searched on before the nearest step is refined (and the box test's polyline). */
const PATH_STEPS = 200;
/** Steps of the refinement around the nearest grid α: the α found is within 1/(200 × 40) of the best. */
const REFINE_STEPS = 40;

/** The path's position at any α in [0, 1]: each metric's monotone estimate (Steffen), as the slider's marker. */
export function pathEstimator(path: InterpolationPath): (alpha: number) => PlotPosition {
  const estimate = createPointEstimator(
    path.alphas.map((alpha, i) => ({ alpha, x: path.positions[i].x, y: path.positions[i].y })),
    "monotone",
  );
  return (alpha) => {
    const at = estimate(alpha);
    // The path spans [0, 1] (both endpoints evaluated), so every α in it has a position.
    return at ? { x: at.x, y: at.y } : { x: Number.NaN, y: Number.NaN };
  };
}

function distance(a: PlotPosition, b: PlotPosition): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

/**
 * The α in [0, 1] whose path position is nearest (Euclidean, in the metrics' units) to `point`, and
 * that distance: the best of a grid of {@link PATH_STEPS}, refined on the grid steps either side.
 */
export function nearestOnPath(
  at: (alpha: number) => PlotPosition,
  point: PlotPosition,
): { alpha: number; distance: number } {
  let best = { alpha: 0, distance: Number.POSITIVE_INFINITY };
  const consider = (alpha: number) => {
    const d = distance(at(alpha), point);
    if (d < best.distance) best = { alpha, distance: d };
  };
  for (let i = 0; i <= PATH_STEPS; i++) consider(i / PATH_STEPS);
  const centre = best.alpha;
  const from = Math.max(0, centre - 1 / PATH_STEPS);
  const to = Math.min(1, centre + 1 / PATH_STEPS);
  for (let i = 0; i <= REFINE_STEPS; i++) consider(from + ((to - from) * i) / REFINE_STEPS);
  return best;
}

/** An axis-aligned box in the plotted metrics: a checkpoint's 95 % intervals on x and y. */
export interface PlotBox {
  x: [number, number];
  y: [number, number];
}

/** Whether the segment from `a` to `b` meets the box (Liang–Barsky clipping, edges included). */
export function segmentMeetsBox(a: PlotPosition, b: PlotPosition, box: PlotBox): boolean {
  let t0 = 0;
  let t1 = 1;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const edges: [number, number][] = [
    [-dx, a.x - box.x[0]],
    [dx, box.x[1] - a.x],
    [-dy, a.y - box.y[0]],
    [dy, box.y[1] - a.y],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return false;
    } else {
      const t = q / p;
      if (p < 0) t0 = Math.max(t0, t);
      else t1 = Math.min(t1, t);
      if (t0 > t1) return false;
    }
  }
  return true;
}

/** Whether the path over [0, 1] (as a polyline of {@link PATH_STEPS} steps) passes through the box. */
export function pathMeetsBox(at: (alpha: number) => PlotPosition, box: PlotBox): boolean {
  let previous = at(0);
  for (let i = 1; i <= PATH_STEPS; i++) {
    const next = at(i / PATH_STEPS);
    if (segmentMeetsBox(previous, next, box)) return true;
    previous = next;
  }
  return false;
}

/** One trained checkpoint as `retraces` reads it: its position, 95 % box and resampled positions. */
export interface RetracedCheckpoint {
  label: string;
  position: PlotPosition;
  box: PlotBox | null;
  /** Its position in each resample (the same resamples as the path's). */
  resamples: { x: ArrayLike<number>; y: ArrayLike<number> };
}

/** What `retraces` finds for one trained checkpoint. */
export interface RetracedFinding {
  label: string;
  /** The α on the interpolation path nearest to it, and the distance. */
  alpha: number;
  distance: number;
  /** Whether the path passes through its 95 % interval box (null when the box is unknown). */
  throughBox: boolean | null;
}

/**
 * `retraces` on one slice: for each trained checkpoint the nearest α on the path and the distance,
 * and whether the path passes through its box; the estimate is the largest of the distances, its
 * interval the percentile interval of that largest distance over the paired resamples (the path
 * rebuilt from each resample's α values, the checkpoints at theirs).
 */
export function retraces(
  path: InterpolationPath,
  pathResamples: { x: readonly ArrayLike<number>[]; y: readonly ArrayLike<number>[] },
  checkpoints: readonly RetracedCheckpoint[],
  level: number,
): { findings: RetracedFinding[]; estimate: number; ci: [number, number] } {
  const at = pathEstimator(path);
  const findings = checkpoints.map((checkpoint): RetracedFinding => {
    const nearest = nearestOnPath(at, checkpoint.position);
    return {
      label: checkpoint.label,
      ...nearest,
      throughBox: checkpoint.box ? pathMeetsBox(at, checkpoint.box) : null,
    };
  });
  const resamples = pathResamples.x[0]?.length ?? 0;
  const largest = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const positions = path.alphas.map((_, i) => ({ x: pathResamples.x[i][r], y: pathResamples.y[i][r] }));
    const valid =
      positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) &&
      checkpoints.every((c) => Number.isFinite(c.resamples.x[r]) && Number.isFinite(c.resamples.y[r]));
    if (!valid) {
      largest[r] = Number.NaN;
      continue;
    }
    const resampled = pathEstimator({ alphas: path.alphas, positions });
    largest[r] = Math.max(
      ...checkpoints.map(
        (c) => nearestOnPath(resampled, { x: c.resamples.x[r], y: c.resamples.y[r] }).distance,
      ),
    );
  }
  return {
    findings,
    estimate: Math.max(...findings.map((finding) => finding.distance)),
    ci: percentileInterval(largest, level),
  };
}
