import type { PassAtKCurve, PassAtKCurves } from "../contracts/scalingTypes";
import type { Db } from "../db/client";
import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { CURVE_BOOTSTRAP } from "../responses/statisticPayloads";
import { curveKs } from "../science/curveKs";
import { smallestSampleCount } from "../science/ensemblePassAtK";
import type { EnsembleMemberInput } from "../science/ensembleSearchSummary";
import { ensemblePassAtKCurve } from "../science/passAtKCurves";
import { computeOffThread } from "./compute/pool";
import { resolveAlphas, resolveMembers, sliceProblems } from "./scalingMembers";
import { READS, readStoredResponse, type StoredResponse } from "./statistics/read";

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

/** An ensemble's pass@k curve, its members' split scaled to each k (CPU-heavy: run it in a pool thread). */
export function ensembleCurve(
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

/** The largest k with pass@k defined for every curve. */
function largestK(curves: readonly PassAtKCurve[]): number {
  return Math.max(0, ...curves.flatMap((curve) => curve.points.map((p) => p.k)));
}

/**
 * GET /api/experiments/[slug]/pass-at-k: mean pass@k against k (1 … the largest k ≤ n) for the
 * chosen checkpoints and, optionally, one ensemble; null when there is no such experiment. Every
 * checkpoint's curves are stored per version; asked-for bands not stored yet are served as curves
 * without bands and `"status": "computing"`. Choosing checkpoints picks from the stored curves; an
 * ensemble's curve is computed in a pool thread from the stored matrix.
 */
export async function passAtKResponse(
  db: Db,
  slug: string,
  request: PassAtKCurvesRequest,
  ifNoneMatch: string | null = null,
): Promise<StoredResponse | null> {
  const stored = await readStoredResponse(
    db,
    slug,
    READS.passAtK(request.difficulty, request.bands),
    ifNoneMatch,
  );
  if (!stored || stored.body === null || stored.httpStatus !== 200) return stored;
  if (!request.alphas && !request.members) return stored;
  const curves = await pickCurves(
    JSON.parse(stored.body) as PassAtKCurves,
    async () => (await readStoredResponse(db, slug, READS.matrix))?.body ?? null,
    request,
  );
  return { ...stored, body: JSON.stringify(curves) };
}

/**
 * The curves a request picks from every checkpoint's stored ones, plus its ensemble's curve computed
 * in a pool thread from the matrix (JSON text, read only when an ensemble is asked for). Shared by
 * the live route and a pinned snapshot's.
 */
export async function pickCurves(
  all: PassAtKCurves,
  matrix: () => Promise<string | null>,
  request: PassAtKCurvesRequest,
): Promise<PassAtKCurves> {
  const chosen = request.alphas
    ? resolveAlphas(all.curves, request.alphas).map((index) => all.curves[index])
    : all.curves;
  const matrixText = request.members ? await matrix() : null;
  const curves =
    request.members && matrixText
      ? [
          ...chosen,
          await computeOffThread<PassAtKCurve>({
            type: "ensemble-curve",
            matrix: matrixText,
            difficulty: request.difficulty,
            members: request.members,
            bands: all.bootstrap !== null,
          }),
        ]
      : chosen;
  return { ...all, maxK: largestK(curves), curves };
}
