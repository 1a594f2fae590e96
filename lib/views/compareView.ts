import type { CompareContext } from "./compareContext";
import type { ParsedUrlView, UrlViewDefinition } from "./urlView";
import { type ExplorerView, parseView, serializeView } from "./viewState";

/**
 * Everything a comparison link reproduces: the explorer's view of axes, scales, slice, intervals
 * and zoom, at one α shared by every experiment, and the experiments themselves.
 */
export interface CompareView extends Omit<ExplorerView, "alpha"> {
  /** The compared slugs, in the order drawn (fixed by the page; kept so the link names them). */
  experiments: readonly string[];
  /** The shared α, or null when the experiments share none. */
  alpha: number | null;
}

/**
 * Reads a comparison view with the explorer's rules, checked against what every compared experiment
 * has: the metrics and slices all of them have, and α within the shared range (whose ends are
 * evaluated α, so the explorer's range check applies to the shared stops as it does to one grid).
 * Where the experiments share no α there is none to read: a given one is ignored with a notice.
 */
export function parseCompareView(
  params: URLSearchParams,
  context: CompareContext,
): ParsedUrlView<CompareView> {
  const { stops } = context.alphas;
  const readable = new URLSearchParams(params);
  const alphaText = readable.get("alpha");
  if (stops.length === 0) readable.delete("alpha");
  const parsed = parseView(readable, { ...context, alphas: stops.length > 0 ? stops : [0] });
  const notices = [...parsed.notices];
  if (stops.length === 0 && alphaText !== null)
    notices.unshift(`Ignored α = “${alphaText}”: these experiments share no evaluated α range.`);
  return {
    view: { ...parsed.view, experiments: context.slugs, alpha: stops.length > 0 ? parsed.view.alpha : null },
    notices,
  };
}

/** The explorer's parameters after `experiments`; no α where the experiments share none. */
export function serializeCompareView(view: CompareView): URLSearchParams {
  const explorer = serializeView({ ...view, alpha: view.alpha ?? 0 });
  if (view.alpha === null) explorer.delete("alpha");
  return new URLSearchParams([["experiments", view.experiments.join(",")], ...explorer]);
}

/** The comparison page's URL definition (shared by the page, its links and Back/Forward). */
export const compareViewDefinition: UrlViewDefinition<CompareView, CompareContext> = {
  parse: parseCompareView,
  serialize: serializeCompareView,
};
