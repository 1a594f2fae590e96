import type { EnsembleMemberInput, PassAtKCurve, PassAtKCurves } from "../api/scalingTypes";
import type { Db } from "../db/client";
import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { CURVE_BOOTSTRAP, checkpointCurves } from "../importer/statistics/payloads";
import { curveKs } from "../science/curveKs";
import { smallestSampleCount } from "../science/ensemblePassAtK";
import { ensemblePassAtKCurve } from "../science/passAtKCurves";
import { resolveAlphas, resolveMembers, sliceProblems } from "./scalingMembers";
import { derive, getSweep, type LoadedSweep } from "./sweepCache";

export interface PassAtKCurvesRequest {
  /** Checkpoints to draw; every evaluated one when omitted. */
  alphas?: number[];
  difficulty: DifficultySlice;
  /** An ensemble to add as one more curve, its split scaled to each k. */
  members?: EnsembleMemberInput[];
  bands: boolean;
}

/** The largest total budget at which every member's proportional share still fits its n. */
function largestEnsembleBudget(shares: readonly number[], sampleCounts: readonly number[]): number {
  const total = shares.reduce((sum, share) => sum + share, 0);
  // Largest-remainder rounding can add one sample to a share, hence the −1 safety margin.
  return Math.max(
    total,
    Math.min(...shares.map((share, i) => Math.floor(((sampleCounts[i] - 1) * total) / share))),
  );
}

function ensembleCurve(
  matrix: SweepMatrix,
  difficulty: DifficultySlice,
  input: EnsembleMemberInput[],
  bands: boolean,
): PassAtKCurve {
  const problems = sliceProblems(matrix, difficulty);
  const members = resolveMembers(matrix, input, problems, difficulty);
  const budget = members.reduce((sum, member) => sum + member.k, 0);
  const maxK = largestEnsembleBudget(
    members.map((member) => member.k),
    members.map((member) => smallestSampleCount(matrix.checkpoints[member.checkpoint].n, problems)),
  );
  const ks = [...new Set([...curveKs(maxK), budget])].sort((a, b) => a - b);
  const alphas = members.map((member) => matrix.checkpoints[member.checkpoint].alpha);
  return {
    type: "ensemble",
    alpha: null,
    kind: null,
    label: `Ensemble of α ${alphas.map(formatAlpha).join(", ")}`,
    members: members.map((member, i) => ({ alpha: alphas[i], samples: member.k })),
    points: ensemblePassAtKCurve(
      matrix,
      members.map((member) => ({ checkpoint: member.checkpoint, weight: member.k })),
      ks,
      problems,
      bands ? CURVE_BOOTSTRAP : undefined,
    ),
  };
}

/**
 * GET /api/experiments/[slug]/pass-at-k: mean pass@k against k (1 … the largest k ≤ n) for the
 * chosen checkpoints and, optionally, one ensemble; null when there is no such experiment.
 * Checkpoint curves are computed once per slice and band setting and kept with the loaded sweep.
 */
export async function getPassAtKCurves(
  db: Db,
  slug: string,
  request: PassAtKCurvesRequest,
): Promise<PassAtKCurves | null> {
  const all = await derive(db, slug, `pass-at-k:${request.difficulty}:${request.bands}`, ({ matrix }) =>
    checkpointCurves(matrix, sliceProblems(matrix, request.difficulty), request.bands),
  );
  if (!all) return null;
  const loaded = await getSweep(db, slug);
  return loaded ? selectCurves(loaded.sweep, all, request) : null;
}

function selectCurves(
  { header, matrix }: LoadedSweep,
  all: PassAtKCurve[],
  request: PassAtKCurvesRequest,
): PassAtKCurves {
  const chosen = request.alphas ? resolveAlphas(matrix, request.alphas).map((index) => all[index]) : all;
  const curves = request.members
    ? [...chosen, ensembleCurve(matrix, request.difficulty, request.members, request.bands)]
    : chosen;
  return {
    experiment: header.slug,
    difficulty: request.difficulty,
    problems: sliceProblems(matrix, request.difficulty).length,
    maxK: Math.max(0, ...curves.flatMap((curve) => curve.points.map((p) => p.k))),
    bootstrap: request.bands ? { ...CURVE_BOOTSTRAP } : null,
    curves,
  };
}
