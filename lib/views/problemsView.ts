import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import { DEFAULT_DETECTABLE_CHANGE } from "../science/power";
import type { ChangeOrder, ChangeSort } from "../science/problemChanges";
import { parseDifficultyParam } from "./difficultyParam";
import { alphaParam, type ParsedUrlView, parseNumberParam, type UrlViewDefinition } from "./urlView";

/** Everything a problems-view link reproduces: the two α compared, the order and ranking, the slice, the search. */
export interface ProblemsView {
  from: number;
  to: number;
  order: ChangeOrder;
  /** Rank by the raw change or by the change shrunk toward 0. */
  sort: ChangeSort;
  difficulty: DifficultySlice;
  /** Text the problem id or title must contain (case-insensitive); empty for every problem. */
  search: string;
  /** The change in mean pass rate, in points, whose samples per problem the power line gives. */
  detect: number;
}

/** What a view is checked against. */
export interface ProblemsContext {
  /** Evaluated α, ascending, at least one. */
  alphas: readonly number[];
  /** Slices with problems. */
  slices: readonly DifficultySlice[];
}

/** The longest search a link keeps (a search box, not a document). */
export const SEARCH_MAX_LENGTH = 200;

const ALPHA_TOLERANCE = 1e-9;

/** Whether a change in points can be asked about: in (0, 100], as the problems API takes it. */
export function isDetectablePoints(points: number): boolean {
  return points > 0 && points <= 100;
}

/** A fresh view compares A (α = 0) with B (α = 1) when both were evaluated, else the two ends of the grid. */
export function defaultProblemsView({ alphas }: ProblemsContext): ProblemsView {
  const hasEndpoints = alphas.includes(0) && alphas.includes(1);
  return {
    from: hasEndpoints ? 0 : alphas[0],
    to: hasEndpoints ? 1 : alphas[alphas.length - 1],
    order: "desc",
    sort: "delta",
    difficulty: "all",
    search: "",
    detect: DEFAULT_DETECTABLE_CHANGE * 100,
  };
}

/**
 * Reads a view from URL parameters, every α checked against the evaluated ones; a missing value
 * takes its default silently, an invalid one takes its default with a notice. Never throws.
 */
export function parseProblemsView(
  params: URLSearchParams,
  context: ProblemsContext,
): ParsedUrlView<ProblemsView> {
  const view = defaultProblemsView(context);
  const notices: string[] = [];

  for (const key of ["from", "to"] as const) {
    const text = params.get(key);
    if (text === null) continue;
    const value = parseNumberParam(text);
    const alpha =
      value === null ? undefined : context.alphas.find((a) => Math.abs(a - value) < ALPHA_TOLERANCE);
    if (alpha === undefined)
      notices.push(`No checkpoint at ${key} = “${text}”; using ${key} α = ${formatAlpha(view[key])}.`);
    else view[key] = alpha;
  }

  const order = params.get("order");
  if (order === "desc" || order === "asc") view.order = order;
  else if (order !== null) notices.push(`Ignored order=“${order}” (expected desc or asc).`);

  const sort = params.get("sort");
  if (sort === "delta" || sort === "shrunk") view.sort = sort;
  else if (sort !== null) notices.push(`Ignored sort=“${sort}” (expected delta or shrunk).`);

  const difficulty = params.get("difficulty");
  if (difficulty !== null) {
    const parsed = parseDifficultyParam(difficulty, context.slices, "all");
    if ("slice" in parsed) view.difficulty = parsed.slice;
    else notices.push(parsed.notice);
  }

  view.search = (params.get("q") ?? "").slice(0, SEARCH_MAX_LENGTH);

  const detect = params.get("detect");
  if (detect !== null) {
    const points = parseNumberParam(detect);
    if (points !== null && isDetectablePoints(points)) view.detect = points;
    else notices.push(`Ignored detect=“${detect}” (expected points in (0, 100]).`);
  }
  return { view, notices };
}

/** Writes a view as URL parameters in a fixed order (the search only when there is one). */
export function serializeProblemsView(view: ProblemsView): URLSearchParams {
  const params = new URLSearchParams();
  params.set("from", alphaParam(view.from));
  params.set("to", alphaParam(view.to));
  params.set("order", view.order);
  if (view.sort !== "delta") params.set("sort", view.sort);
  params.set("difficulty", view.difficulty);
  if (view.search !== "") params.set("q", view.search);
  if (view.detect !== DEFAULT_DETECTABLE_CHANGE * 100) params.set("detect", String(view.detect));
  return params;
}

/** The problems view's URL: the two α compared, the order, the slice and the search. */
export const problemsViewDefinition: UrlViewDefinition<ProblemsView, ProblemsContext> = {
  parse: parseProblemsView,
  serialize: serializeProblemsView,
};
