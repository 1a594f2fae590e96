import { type Direction, oriented } from "./direction";

export interface ParetoPoint {
  x: number;
  y: number;
}

/** Which way is better on each objective. */
export interface ParetoDirections {
  x: Direction;
  y: Direction;
}

function orient(point: ParetoPoint, directions: ParetoDirections): ParetoPoint {
  return { x: oriented(point.x, directions.x), y: oriented(point.y, directions.y) };
}

/** Whether a dominates b: at least as good on both objectives and strictly better on one. */
export function dominates(a: ParetoPoint, b: ParetoPoint, directions: ParetoDirections): boolean {
  const p = orient(a, directions);
  const q = orient(b, directions);
  return p.x >= q.x && p.y >= q.y && (p.x > q.x || p.y > q.y);
}

/**
 * Indices of the non-dominated points, ordered by increasing x (ties, i.e. equal points, by index).
 * Points with a non-finite coordinate are ignored. O(n log n): sort by x, sweep keeping the best y.
 */
export function paretoFront(points: readonly ParetoPoint[], directions: ParetoDirections): number[] {
  const candidates = points
    .map((point, index) => ({ index, ...orient(point, directions) }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y))
    .sort((a, b) => b.x - a.x || b.y - a.y || a.index - b.index);
  const front: number[] = [];
  let bestY = Number.NEGATIVE_INFINITY;
  for (let start = 0; start < candidates.length; ) {
    // Points sharing an x: only those with the group's best y can be non-dominated.
    let end = start;
    while (end < candidates.length && candidates[end].x === candidates[start].x) end++;
    const groupY = candidates[start].y;
    if (groupY > bestY) {
      for (let i = start; i < end && candidates[i].y === groupY; i++) front.push(candidates[i].index);
      bestY = groupY;
    }
    start = end;
  }
  return front.sort((a, b) => points[a].x - points[b].x || a - b);
}

/**
 * The front's points in order of increasing x and the vertices of its staircase (the boundary of
 * the region it dominates), for drawing a step line: between consecutive front points the corner
 * takes the worse coordinate of the two on each axis.
 */
export function frontierStepPath(
  points: readonly ParetoPoint[],
  directions: ParetoDirections,
): { indices: number[]; vertices: ParetoPoint[] } {
  const indices = paretoFront(points, directions);
  const vertices: ParetoPoint[] = [];
  indices.forEach((index, i) => {
    const point = points[index];
    if (i > 0) {
      const previous = points[indices[i - 1]];
      const worseX =
        oriented(previous.x, directions.x) < oriented(point.x, directions.x) ? previous.x : point.x;
      const worseY =
        oriented(previous.y, directions.y) < oriented(point.y, directions.y) ? previous.y : point.y;
      vertices.push({ x: worseX, y: worseY });
    }
    vertices.push({ x: point.x, y: point.y });
  });
  return { indices, vertices };
}

function distanceToSegment(p: ParetoPoint, a: ParetoPoint, b: ParetoPoint): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/**
 * Euclidean distance from a point to the front's staircase, i.e. how far it must move to stop being
 * dominated; 0 for a point no front point dominates. Put both axes on comparable scales first.
 */
export function distanceToFront(
  point: ParetoPoint,
  front: readonly ParetoPoint[],
  directions: ParetoDirections,
): number {
  const p = orient(point, directions);
  if (!front.some((f) => dominates(f, point, directions))) return 0;
  // Only the non-dominated points shape the staircase; they come ordered by x.
  const steps = paretoFront(front, directions)
    .map((index) => orient(front[index], directions))
    .sort((a, b) => a.x - b.x || b.y - a.y);
  // Maximizing on both axes, the staircase runs from (−∞, y₁) right to f₁, down to (f₁.x, y₂), right
  // to f₂, …, and from the last point down to −∞; the infinite ends are clipped at the point itself.
  let best = Number.POSITIVE_INFINITY;
  let previous: ParetoPoint = { x: Math.min(p.x, steps[0].x), y: steps[0].y };
  for (const f of steps) {
    const corner = { x: previous.x, y: f.y };
    best = Math.min(best, distanceToSegment(p, previous, corner), distanceToSegment(p, corner, f));
    previous = f;
  }
  const bottom = { x: previous.x, y: Math.min(p.y, previous.y) };
  return Math.min(best, distanceToSegment(p, previous, bottom));
}

/**
 * Area dominated by the points and dominating the reference point (2-D hypervolume). Points that do
 * not strictly dominate the reference contribute nothing.
 */
export function hypervolume2d(
  points: readonly ParetoPoint[],
  directions: ParetoDirections,
  reference: ParetoPoint,
): number {
  const ref = orient(reference, directions);
  const useful = points
    .map((point) => orient(point, directions))
    .filter((p) => p.x > ref.x && p.y > ref.y)
    .sort((a, b) => b.x - a.x || b.y - a.y);
  let area = 0;
  let coveredY = ref.y;
  for (const p of useful) {
    if (p.y <= coveredY) continue;
    area += (p.x - ref.x) * (p.y - coveredY);
    coveredY = p.y;
  }
  return area;
}
