import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import type { SweepMatrix } from "../domain/sweep";
import { type EnsembleMember, smallestSampleCount } from "../science/ensemblePassAtK";
import type { EnsembleMemberInput } from "../science/ensembleSearchSummary";
import { sliceProblemIndices } from "../science/slices";
import { BadRequestError } from "./errors";

// α arrive as decimal text or JSON numbers; a tolerance keeps 0.1 + 0.2-style noise from mismatching.
const ALPHA_TOLERANCE = 1e-9;

/** Anything listing the evaluated checkpoints by α, in order: a matrix's columns, stored curves. */
type Evaluated = readonly { alpha: number | null }[];

/** Index of the checkpoint evaluated at α, or −1. */
export function checkpointIndexOf(checkpoints: Evaluated, alpha: number): number {
  return checkpoints.findIndex((cp) => cp.alpha !== null && Math.abs(cp.alpha - alpha) < ALPHA_TOLERANCE);
}

function evaluatedAlphas(checkpoints: Evaluated): string {
  return checkpoints.flatMap((cp) => (cp.alpha === null ? [] : [formatAlpha(cp.alpha)])).join(", ");
}

/** The checkpoint index of every α, or a 400 naming the first α that was not evaluated. */
export function resolveAlphas(checkpoints: Evaluated, alphas: readonly number[]): number[] {
  return alphas.map((alpha) => {
    const index = checkpointIndexOf(checkpoints, alpha);
    if (index < 0) {
      throw new BadRequestError(
        `No checkpoint at α = ${formatAlpha(alpha)} in this experiment; evaluated α: ${evaluatedAlphas(checkpoints)}.`,
      );
    }
    return index;
  });
}

/** The problem indices of a difficulty slice; a 400 when the experiment has none. */
export function sliceProblems(matrix: SweepMatrix, slice: DifficultySlice): Int32Array {
  const problems = sliceProblemIndices(matrix, slice);
  if (problems.length === 0) {
    throw new BadRequestError(
      slice === "all" ? "This experiment has no problems yet." : `This experiment has no ${slice} problems.`,
    );
  }
  return problems;
}

/**
 * Turns API members (α, samples) into science members (checkpoint index, k), checking what the
 * science core would otherwise reject with a less helpful message: an empty list, an α that was
 * not evaluated, the same α twice, and more samples than the checkpoint has on some problem of
 * the slice (pass@k is defined only for k ≤ n). Every failure is a 400 that says what to change.
 */
export function resolveMembers(
  matrix: SweepMatrix,
  members: readonly EnsembleMemberInput[],
  problems: ArrayLike<number>,
  slice: DifficultySlice,
): EnsembleMember[] {
  if (members.length === 0) throw new BadRequestError("An ensemble needs at least one member.");
  const indices = resolveAlphas(
    matrix.checkpoints,
    members.map((member) => member.alpha),
  );
  const seen = new Set<number>();
  return members.map((member, i) => {
    const checkpoint = indices[i];
    if (seen.has(checkpoint)) {
      throw new BadRequestError(
        `α = ${formatAlpha(member.alpha)} appears twice; give it one member with the summed samples.`,
      );
    }
    seen.add(checkpoint);
    if (!Number.isInteger(member.samples) || member.samples < 1) {
      throw new BadRequestError(
        `Member α = ${formatAlpha(member.alpha)} has ${member.samples} samples; use a whole number of at least 1.`,
      );
    }
    const n = smallestSampleCount(matrix.checkpoints[checkpoint].n, problems);
    if (member.samples > n) {
      throw new BadRequestError(
        `Member α = ${formatAlpha(member.alpha)} asks for ${member.samples} samples but the checkpoint has only ` +
          `n = ${n} on some ${slice === "all" ? "" : `${slice} `}problem; pass@k needs k ≤ n.`,
      );
    }
    return { checkpoint, k: member.samples };
  });
}
