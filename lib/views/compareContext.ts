import type { ComparisonData } from "../contracts/compareTypes";
import { viewContextOf } from "./explorerContext";
import type { ViewContext } from "./viewState";

/**
 * The α a comparison can show for every experiment at once. An experiment has a value at α when α
 * is evaluated (measured) or lies between two of its evaluated α (estimated); beyond its evaluated
 * range it has none. So the shared α are the intersection of the evaluated ranges,
 * [max of the minima, min of the maxima]; null when the ranges do not meet.
 */
export interface SharedAlphas {
  range: [number, number] | null;
  /** Every α some experiment evaluated within the shared range, sorted: the slider's stops. */
  stops: number[];
}

/** The shared α of experiments evaluated on these grids (each sorted ascending, at least one α). */
export function sharedAlphas(grids: readonly (readonly number[])[]): SharedAlphas {
  const low = Math.max(...grids.map((grid) => grid[0]));
  const high = Math.min(...grids.map((grid) => grid[grid.length - 1]));
  if (!(low <= high)) return { range: null, stops: [] };
  const stops = [...new Set(grids.flat())].filter((alpha) => alpha >= low && alpha <= high);
  return { range: [low, high], stops: stops.sort((a, b) => a - b) };
}

/** What a comparison view is checked against. */
export interface CompareContext {
  /** The compared experiments' slugs, in the order drawn. */
  slugs: readonly string[];
  /** The metrics every experiment has. */
  metrics: ViewContext["metrics"];
  alphas: SharedAlphas;
  /** The difficulty slices every experiment has problems in. */
  slices: ViewContext["slices"];
  defaultX: string;
  defaultY: string;
}

/** The context of a comparison: each experiment's own explorer context, intersected. */
export function compareContextOf(data: ComparisonData): CompareContext {
  const contexts = data.experiments.map(viewContextOf);
  const [first] = contexts;
  const inAll = <T>(pick: (context: ViewContext) => readonly T[]) =>
    pick(first).filter((item) => contexts.every((context) => pick(context).includes(item)));
  const metrics = first.metrics.filter((metric) =>
    contexts.every((context) => context.metrics.some((other) => other.id === metric.id)),
  );
  const ids = metrics.map((metric) => metric.id);
  return {
    slugs: data.experiments.map((experiment) => experiment.experiment.slug),
    metrics,
    alphas: sharedAlphas(contexts.map((context) => context.alphas)),
    slices: inAll((context) => context.slices),
    defaultX: ids.includes(first.defaultX) ? first.defaultX : (ids[0] ?? first.defaultX),
    defaultY: ids.includes(first.defaultY) ? first.defaultY : (ids[1] ?? ids[0] ?? first.defaultY),
  };
}
