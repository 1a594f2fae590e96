import type {
  ClaimsQuery,
  ClaimsResponse,
  PinnedClaims,
  StoredClaims,
  StoredSliceClaims,
} from "../contracts/claimSchemas";
import { DIFFICULTIES, DIFFICULTY_SLICES, type DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { DEFAULT_BOOTSTRAP, endpointIndices } from "../science/bootstrap";
import {
  CLAIM_ENSEMBLE_MAX_MEMBERS,
  type Claim,
  type ClaimAxes,
  claimEnsembleBudget,
  claimsBootstrap,
  DEFAULT_EQUIVALENCE_MARGIN,
  extrapolationClaim,
  flatSolveRateClaim,
  retracesClaim,
  type SliceBootstrap,
  sliceClaims,
  solveRateChange,
} from "../science/claims";
import { runEnsembleSearch } from "../science/ensembleSearchSummary";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";
import { difficultyStrata, stratifiedBootstrap } from "./stratifiedBootstrap";
import { versionBootstrap } from "./versionBootstrap";

/** The claims' bootstrap: the version's one setting (the frontier's). */
/** The frontier's bootstrap (the same object, so the claims reuse its resamples: stratifiedBootstrap). */
export const CLAIMS_BOOTSTRAP = DEFAULT_BOOTSTRAP;

/** Each slice's bootstrap from one stratified run: the difficulties are the strata, "all" their union. */
export function slicesBootstrap(matrix: SweepMatrix): Record<DifficultySlice, SliceBootstrap> {
  const { strata: byDifficulty, combined } = claimsBootstrap(
    matrix,
    difficultyStrata(matrix),
    CLAIMS_BOOTSTRAP,
    stratifiedBootstrap(matrix, CLAIMS_BOOTSTRAP),
  );
  return Object.fromEntries(
    DIFFICULTY_SLICES.map((slice) => [
      slice,
      slice === "all" ? combined : byDifficulty[DIFFICULTIES.indexOf(slice)],
    ]),
  ) as Record<DifficultySlice, SliceBootstrap>;
}

function storedSlice(
  slug: string,
  matrix: SweepMatrix,
  difficulty: DifficultySlice,
  slice: SliceBootstrap,
): StoredSliceClaims {
  const budget = claimEnsembleBudget(matrix, slice.problems);
  const ensemble =
    budget === null
      ? null
      : runEnsembleSearch(matrix, slice.problems, slug, {
          budget,
          maxMembers: CLAIM_ENSEMBLE_MAX_MEMBERS,
          difficulty,
          top: 1,
        });
  const { a, b } = endpointIndices(matrix);
  return {
    problems: slice.problems.length,
    claims: sliceClaims(matrix, slice, {
      margin: DEFAULT_EQUIVALENCE_MARGIN,
      axes: DEFAULT_FRONTIER_AXES,
      bootstrap: CLAIMS_BOOTSTRAP,
      ensemble,
    }),
    solveRateChange: a === null || b === null ? null : solveRateChange(slice, a, b),
  };
}

/**
 * GET /api/experiments/[slug]/claims, every slice at the default margin and axes (stored by the
 * statistics job: one bootstrap like the frontier's plus one ensemble search per slice).
 */
export function claimsData(slug: string, matrix: SweepMatrix): Omit<StoredClaims, "version"> {
  const slices = slicesBootstrap(matrix);
  return {
    experiment: slug,
    bootstrap: versionBootstrap(matrix, CLAIMS_BOOTSTRAP),
    axes: { ...DEFAULT_FRONTIER_AXES },
    margin: DEFAULT_EQUIVALENCE_MARGIN,
    slices: Object.fromEntries(
      DIFFICULTY_SLICES.map((slice) => [slice, storedSlice(slug, matrix, slice, slices[slice])]),
    ) as Record<DifficultySlice, StoredSliceClaims>,
  };
}

/** Whether a query asks for other axes than the stored ones (extrapolation-extends must be recomputed). */
export function asksOtherAxes(query: ClaimsQuery): boolean {
  return query.x !== DEFAULT_FRONTIER_AXES.x || query.y !== DEFAULT_FRONTIER_AXES.y;
}

/**
 * The claims that depend on the plotted axes, on other axes than the stored ones; null where the
 * data is missing. `retraces` undefined: not tested on these axes (a snapshot pinned before it was),
 * so left out.
 */
export interface AxesClaims {
  extrapolation: Claim | null;
  retraces?: Claim | null;
}

/**
 * `extrapolation-extends` and `retraces` on other axes for one slice (a compute thread's work: one
 * bootstrap, the trained checkpoints riding along as in the stored claims).
 */
export function claimsOnAxes(matrix: SweepMatrix, difficulty: DifficultySlice, axes: ClaimAxes): AxesClaims {
  const slice = slicesBootstrap(matrix)[difficulty];
  return {
    extrapolation: extrapolationClaim(matrix, slice, axes, CLAIMS_BOOTSTRAP.level),
    retraces: retracesClaim(matrix, slice, axes, CLAIMS_BOOTSTRAP.level),
  };
}

/**
 * The answer for one slice: the stored claims, flat-solve-rate judged at the query's margin (points)
 * and, for other axes, extrapolation-extends and retraces replaced by those tested on them (`onAxes`;
 * absent when null, and retraces left out when not tested on them).
 */
export function claimsAnswer(stored: StoredClaims, query: ClaimsQuery, onAxes?: AxesClaims): ClaimsResponse {
  const slice = stored.slices[query.difficulty];
  const margin = query.margin / 100;
  const claims = slice.claims.flatMap((claim): Claim[] => {
    if (claim.id === "flat-solve-rate" && slice.solveRateChange) {
      const { estimate, ci90, ci95 } = slice.solveRateChange;
      return [flatSolveRateClaim(estimate, ci90, ci95, margin)];
    }
    if (claim.id === "extrapolation-extends" && onAxes !== undefined)
      return onAxes.extrapolation ? [onAxes.extrapolation] : [];
    if (claim.id === "retraces" && asksOtherAxes(query)) return onAxes?.retraces ? [onAxes.retraces] : [];
    return [claim];
  });
  return {
    version: stored.version,
    difficulty: query.difficulty,
    margin: query.margin,
    axes: { x: query.x, y: query.y },
    claims,
  };
}

/**
 * A snapshot's claims for one query, from what it pinned: any slice and margin at the default axes,
 * or the pinned view's slice on its own axes; null for other axes (a snapshot holds no sweep to test
 * them on).
 */
export function pinnedClaimsAnswer(pinned: PinnedClaims, query: ClaimsQuery): ClaimsResponse | null {
  if (!asksOtherAxes(query)) return claimsAnswer(pinned.stored, query);
  const { onAxes } = pinned;
  if (
    onAxes === null ||
    onAxes.difficulty !== query.difficulty ||
    onAxes.axes.x !== query.x ||
    onAxes.axes.y !== query.y
  )
    return null;
  return claimsAnswer(pinned.stored, query, { extrapolation: onAxes.claim, retraces: onAxes.retraces });
}
