import { ENSEMBLE_SEARCH_MAX_MEMBERS } from "@/lib/contracts/ensembleSearchLimits";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import type { SweepMatrix } from "@/lib/domain/sweep";
import { splitBudgetEqual } from "@/lib/science/budget";
import { smallestSampleCount } from "@/lib/science/ensemblePassAtK";
import { type AdjustedGainCI, adjustedGainSummary } from "@/lib/science/ensembleSearchSummary";
import { sliceProblemIndices } from "@/lib/science/slices";
import { parseDifficultyParam } from "@/lib/views/difficultyParam";
import { type Presentable, withPresentation } from "@/lib/views/presentation";
import {
  alphaParam,
  flagNotice,
  type ParsedUrlView,
  parseFlagParam,
  parseNumberParam,
  type UrlViewDefinition,
} from "@/lib/views/urlView";

/** Everything a scaling share link reproduces: the ensemble, its budget and split, and the slice. */
export interface ScalingViewState {
  /** Member α, ascending and distinct. */
  members: number[];
  /** Total sample budget K. */
  budget: number;
  /** "equal", or each member's samples (same order as members), meant to sum to K. */
  split: "equal" | number[];
  difficulty: DifficultySlice;
  /** Whether the pass@k chart draws bootstrap bands. */
  bands: boolean;
  /**
   * The largest ensemble of the search that picked these members (loaded from its results), so the
   * builder shows the selection-adjusted interval; null for an ensemble put together by hand.
   */
  searched: number | null;
}

/** What a view is checked against. */
export interface ScalingContext {
  /** Evaluated α, ascending, at least one. */
  alphas: readonly number[];
  /** The largest budget any single checkpoint can be compared at (the smallest n of the best-covered checkpoint). */
  maxBudget: number;
  /** Slices with problems. */
  slices: readonly DifficultySlice[];
}

const DEFAULT_BUDGET = 250;

/** The ensemble a fresh page opens with: A and B when evaluated, else the two ends of the grid. */
export function defaultScalingView(context: ScalingContext): ScalingViewState {
  const { alphas } = context;
  const endpoints = alphas.filter((alpha) => alpha === 0 || alpha === 1);
  const members = endpoints.length === 2 ? endpoints : [...new Set([alphas[0], alphas[alphas.length - 1]])];
  return {
    members,
    budget: Math.max(members.length, Math.min(DEFAULT_BUDGET, context.maxBudget)),
    split: "equal",
    difficulty: context.slices.includes("hard") ? "hard" : "all",
    bands: false,
    searched: null,
  };
}

/** Each member's samples under the view's split. */
export function memberSamples(view: ScalingViewState): number[] {
  return view.split === "equal" ? splitBudgetEqual(view.budget, view.members.length) : view.split;
}

/**
 * What is wrong with a custom split, as one sentence for the form (null when it is valid): every
 * part a whole number of at least 1, one part per member, summing to the budget.
 */
export function splitProblem(samples: readonly number[], members: number, budget: number): string | null {
  if (samples.length !== members) return `Give one sample count per member (${members}).`;
  if (samples.some((part) => !Number.isInteger(part) || part < 1))
    return "Each member needs a whole number of samples, at least 1.";
  const total = samples.reduce((sum, part) => sum + part, 0);
  if (total !== budget)
    return `The samples add up to ${total}, not to the budget K = ${budget} (${total > budget ? "remove" : "add"} ${Math.abs(total - budget)}).`;
  return null;
}

const ALPHA_TOLERANCE = 1e-9;

/** A URL parameter read as a whole number from min to max; null when it is not one. */
function wholeNumberIn(text: string, min: number, max: number): number | null {
  const value = parseNumberParam(text);
  return value !== null && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/**
 * Reads a view from URL parameters. Every value is checked against the experiment; a missing one
 * takes its default silently, an invalid one takes its default with a notice. Never throws.
 */
export function parseScalingView(
  params: URLSearchParams,
  context: ScalingContext,
): ParsedUrlView<ScalingViewState> {
  const view = defaultScalingView(context);
  const notices: string[] = [];

  const membersText = params.get("members");
  if (membersText !== null) {
    const chosen: number[] = [];
    for (const part of membersText.split(",")) {
      const value = parseNumberParam(part);
      const alpha =
        value === null ? undefined : context.alphas.find((a) => Math.abs(a - value) < ALPHA_TOLERANCE);
      if (alpha === undefined)
        notices.push(`No checkpoint at α = “${part}”; it was left out of the ensemble.`);
      else if (!chosen.includes(alpha)) chosen.push(alpha);
    }
    if (chosen.length > 0) view.members = chosen.sort((a, b) => a - b);
  }

  const budgetText = params.get("budget");
  if (budgetText !== null) {
    const budget = wholeNumberIn(budgetText, view.members.length, context.maxBudget);
    if (budget === null) {
      notices.push(
        `Budget “${budgetText}” must be a whole number from ${view.members.length} to ${context.maxBudget}; using K = ${view.budget}.`,
      );
    } else view.budget = budget;
  }
  if (view.budget < view.members.length) view.budget = Math.min(context.maxBudget, view.members.length);

  const splitText = params.get("split");
  if (splitText !== null && splitText !== "equal") {
    const samples = splitText.split(",").map(parseNumberParam);
    const problem = samples.some((part) => part === null)
      ? "it is not a list of numbers"
      : splitProblem(samples as number[], view.members.length, view.budget);
    if (problem) notices.push(`Ignored split “${splitText}” (${problem}); splitting K equally.`);
    else view.split = samples as number[];
  }

  const difficulty = params.get("difficulty");
  if (difficulty !== null) {
    const parsed = parseDifficultyParam(difficulty, context.slices, view.difficulty);
    if ("slice" in parsed) view.difficulty = parsed.slice;
    else notices.push(parsed.notice);
  }

  const bandsText = params.get("bands");
  if (bandsText !== null) {
    const bands = parseFlagParam(bandsText);
    if (bands === null) notices.push(flagNotice("bands", bandsText));
    else view.bands = bands;
  }

  const searchedText = params.get("searched");
  if (searchedText !== null) {
    const searched = wholeNumberIn(searchedText, view.members.length, ENSEMBLE_SEARCH_MAX_MEMBERS);
    if (searched === null || view.split !== "equal") {
      notices.push(
        `Ignored searched “${searchedText}”: a search picks equal splits of 1 to ${ENSEMBLE_SEARCH_MAX_MEMBERS} members, at least the ${view.members.length} here.`,
      );
    } else view.searched = searched;
  }

  return { view, notices };
}

/**
 * The view change of editing the ensemble by hand (members, budget, split or slice): the result is
 * no longer the search's pick, so the selection-adjusted interval no longer applies.
 */
export function editedByHand(change: Partial<ScalingViewState>): Partial<ScalingViewState> {
  return { ...change, searched: null };
}

/**
 * Writes a view as URL parameters in a fixed order; every key is written so a link survives default
 * changes, except `searched`, written only for an ensemble loaded from a search.
 */
export function serializeScalingView(view: ScalingViewState): URLSearchParams {
  const params = new URLSearchParams();
  params.set("members", view.members.map(alphaParam).join(","));
  params.set("budget", String(view.budget));
  params.set("split", view.split === "equal" ? "equal" : view.split.join(","));
  params.set("difficulty", view.difficulty);
  params.set("bands", view.bands ? "1" : "0");
  if (view.searched !== null) params.set("searched", String(view.searched));
  return params;
}

/** The scaling page's URL: the ensemble, its budget and split, the slice, the bands toggle and presentation mode. */
export const scalingViewDefinition: UrlViewDefinition<
  Presentable<ScalingViewState>,
  ScalingContext
> = withPresentation({ parse: parseScalingView, serialize: serializeScalingView });

/** The members as the API and CLI write them, e.g. "0:84,0.5:83,1.5:83". */
export function memberListText(view: ScalingViewState): string {
  const samples = memberSamples(view);
  return view.members.map((alpha, i) => `${alphaParam(alpha)}:${samples[i]}`).join(",");
}

/**
 * The selection-adjusted gain interval of an ensemble loaded from a search (the search's own
 * statistic for these members, slice and largest ensemble); null for a hand-made ensemble, or when
 * a member has fewer samples than its share or the slice allows no interval.
 */
export function searchedGainInterval(matrix: SweepMatrix, view: ScalingViewState): AdjustedGainCI | null {
  if (view.searched === null) return null;
  const problems = sliceProblemIndices(matrix, view.difficulty);
  const samples = memberSamples(view);
  const members = view.members.map((alpha, i) => ({
    checkpoint: matrix.checkpoints.findIndex((cp) => cp.alpha === alpha),
    k: samples[i],
  }));
  const measurable = members.every(
    ({ checkpoint, k }) =>
      checkpoint >= 0 && smallestSampleCount(matrix.checkpoints[checkpoint].n, problems) >= k,
  );
  return measurable ? adjustedGainSummary(matrix, members, problems, view.searched) : null;
}
