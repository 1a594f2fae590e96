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

/**
 * The tolerance of `retraces`: a trained checkpoint "lies on" the path when it is within this share
 * of the distance from A to B (in the plotted axes) of it. A share, not a fixed number, so the rule
 * means the same on any axes, whatever their units.
 */
export const RETRACES_MARGIN_SHARE = 0.1;
/** The error rate each verdict of `retraces` is held to (its "supported" and its "contradicted"). */
export const RETRACES_ERROR = 0.05;

/** What `retraces` finds for one trained checkpoint. */
export interface RetracedFinding {
  label: string;
  /** The α on the interpolation path nearest to it, and the distance. */
  alpha: number;
  distance: number;
  /** Whether the path passes through its 95 % interval box (null when the box is unknown). */
  throughBox: boolean | null;
  /**
   * Its offset from the path at `alpha`, signed along the direction from the path to it (so the
   * estimate is `distance`), with the percentile intervals of that offset over the paired resamples
   * (path and checkpoint from the same resample, `alpha` and the direction held): the 90 % one the
   * equivalence test reads, and the two-sided one at 1 − 0.05/T (Bonferroni over T checkpoints) the
   * "contradicted" test reads.
   */
  equivalenceCi: [number, number];
  differenceCi: [number, number];
}

export type RetracesVerdict = "supported" | "contradicted" | "inconclusive";

/**
 * The verdict from the offsets' intervals and the tolerance `margin`: supported when every
 * checkpoint's 90 % interval lies inside ±margin (a TOST per checkpoint at 5 %; "every" is an
 * intersection–union test, which needs no adjustment); contradicted when some checkpoint's
 * Bonferroni-adjusted interval lies entirely outside ±margin (the path misses it by more than the
 * tolerance, beyond both its own and the checkpoint's uncertainty); inconclusive otherwise (wide
 * intervals can only give this, never "supported").
 */
export function retracesVerdict(findings: readonly RetracedFinding[], margin: number): RetracesVerdict {
  const inside = ([lower, upper]: [number, number]) => lower >= -margin && upper <= margin;
  const outside = ([lower, upper]: [number, number]) => lower > margin || upper < -margin;
  if (findings.length > 0 && findings.every((f) => inside(f.equivalenceCi))) return "supported";
  if (findings.some((f) => outside(f.differenceCi))) return "contradicted";
  return "inconclusive";
}

/**
 * The unit direction a checkpoint's offset is measured along: from the path at `alpha` to the
 * checkpoint, or, for a checkpoint on the path, the path's normal there (the resamples then fall
 * either side of it).
 */
function offsetDirection(
  at: (alpha: number) => PlotPosition,
  alpha: number,
  point: PlotPosition,
): PlotPosition {
  const on = at(alpha);
  const length = distance(on, point);
  if (length > 1e-12) return { x: (point.x - on.x) / length, y: (point.y - on.y) / length };
  const step = 1e-3;
  const before = at(Math.max(0, alpha - step));
  const after = at(Math.min(1, alpha + step));
  const tangent = distance(before, after);
  return tangent > 0
    ? { x: -(after.y - before.y) / tangent, y: (after.x - before.x) / tangent }
    : { x: 1, y: 0 };
}

/**
 * `retraces` on one slice: for each trained checkpoint the nearest α on the path, the distance,
 * whether the path passes through its box and the intervals of its offset from the path; the
 * estimate is the largest of the distances, its interval the percentile interval of that largest
 * distance over the paired resamples (the path rebuilt from each resample's α values, the
 * checkpoints at theirs); the verdict by {@link retracesVerdict} at a tolerance of
 * {@link RETRACES_MARGIN_SHARE} of the A–B distance.
 */
export function retraces(
  path: InterpolationPath,
  pathResamples: { x: readonly ArrayLike<number>[]; y: readonly ArrayLike<number>[] },
  checkpoints: readonly RetracedCheckpoint[],
  level: number,
): {
  findings: RetracedFinding[];
  estimate: number;
  ci: [number, number];
  margin: number;
  verdict: RetracesVerdict;
} {
  const at = pathEstimator(path);
  const nearest = checkpoints.map((checkpoint) => nearestOnPath(at, checkpoint.position));
  const directions = checkpoints.map((checkpoint, t) =>
    offsetDirection(at, nearest[t].alpha, checkpoint.position),
  );
  const resamples = pathResamples.x[0]?.length ?? 0;
  const largest = new Float64Array(resamples);
  const offsets = checkpoints.map(() => new Float64Array(resamples));
  for (let r = 0; r < resamples; r++) {
    const positions = path.alphas.map((_, i) => ({ x: pathResamples.x[i][r], y: pathResamples.y[i][r] }));
    const valid =
      positions.every((p) => Number.isFinite(p.x) && Number.isFinite(p.y)) &&
      checkpoints.every((c) => Number.isFinite(c.resamples.x[r]) && Number.isFinite(c.resamples.y[r]));
    if (!valid) {
      largest[r] = Number.NaN;
      for (const offset of offsets) offset[r] = Number.NaN;
      continue;
    }
    const resampled = pathEstimator({ alphas: path.alphas, positions });
    let worst = 0;
    checkpoints.forEach((c, t) => {
      const point = { x: c.resamples.x[r], y: c.resamples.y[r] };
      worst = Math.max(worst, nearestOnPath(resampled, point).distance);
      const on = resampled(nearest[t].alpha);
      offsets[t][r] = (point.x - on.x) * directions[t].x + (point.y - on.y) * directions[t].y;
    });
    largest[r] = worst;
  }
  const adjusted = 1 - RETRACES_ERROR / Math.max(1, checkpoints.length);
  const findings = checkpoints.map(
    (checkpoint, t): RetracedFinding => ({
      label: checkpoint.label,
      ...nearest[t],
      throughBox: checkpoint.box ? pathMeetsBox(at, checkpoint.box) : null,
      equivalenceCi: percentileInterval(offsets[t], 1 - 2 * RETRACES_ERROR),
      differenceCi: percentileInterval(offsets[t], adjusted),
    }),
  );
  const margin = RETRACES_MARGIN_SHARE * distance(at(0), at(1));
  return {
    findings,
    estimate: Math.max(...findings.map((finding) => finding.distance)),
    ci: percentileInterval(largest, level),
    margin,
    verdict: retracesVerdict(findings, margin),
  };
}
