import type { FrontierPoint } from "../contracts/types";
import type { DifficultySlice } from "../domain/difficulty";
import type { Headline } from "../responses/headline";
import { createMetricEstimators, readoutAt } from "./alphaScores";
import { formatInterval } from "./format";

/** The three numbers a preview or recipe quotes, in this order. */
const HEADLINE_IDS = ["solveRate", "correctness", "efficiency"] as const;

/** Lower-case names for running text ("solve rate 42.1%"). */
const PHRASE_LABELS: Record<(typeof HEADLINE_IDS)[number], string> = {
  solveRate: "solve rate",
  correctness: "correctness",
  efficiency: "efficiency",
};

/**
 * The headline numbers of a slice at α, from the same estimators as the explorer's score panel (so
 * a preview quotes the panel's numbers): measured, estimated, or none outside the evaluated range.
 */
export function headlineAt(
  points: readonly FrontierPoint[],
  alpha: number,
  difficulty: DifficultySlice,
): Headline {
  const readout = readoutAt(createMetricEstimators(points), alpha);
  const values = HEADLINE_IDS.flatMap((id) => {
    const score = readout.scores.find((candidate) => candidate.metric.id === id);
    const estimate = score?.estimate;
    if (!score || !estimate) return [];
    const interval = estimate.lower === null ? "" : ` ${formatInterval(score.metric, estimate)}`;
    return [
      {
        id,
        label: PHRASE_LABELS[id],
        shortLabel: score.metric.label,
        text: `${score.metric.format(estimate.value)}${interval}`,
      },
    ];
  });
  const status = values.length === 0 ? "none" : readout.measured ? "measured" : "estimated";
  return { alpha, difficulty, status, values };
}
