import type { ExperimentInput } from "../domain/sweepInput";

export const DEMO_EXPERIMENT_SLUG = "demo-coverage-sweep";

const LOW_COVERAGE_MODEL = "demo/cwm-32b-rl-low-coverage";
const HIGH_COVERAGE_MODEL = "demo/cwm-32b-rl-high-coverage";

/** The synthetic demo study: the paper's grid of three inference settings × two model scales. */
export const DEMO_STUDY = {
  slug: "demo-settings-by-scale",
  name: "Settings × model scales (synthetic demo)",
};

/** Metadata of the synthetic demo experiment; says plainly that its numbers are made up. */
export const DEMO_EXPERIMENT: ExperimentInput = {
  slug: DEMO_EXPERIMENT_SLUG,
  name: "Low vs high test coverage (synthetic demo)",
  description:
    "Synthetic demo data, not real model outputs: a seeded generator imitates the findings of " +
    "extrapolative weight averaging in code RL (Zheng et al., 2026) on a LiveCodeBench-like problem " +
    "set. On hard problems more coverage trades time-limit failures for wrong answers at a flat solve " +
    "rate; far extrapolation collapses; ensembles with extrapolated checkpoints raise pass@250.",
  benchmark: "livecodebench-v5-synthetic",
  setting: "pure-reasoning",
  modelFamily: "CWM",
  modelScale: "32B",
  synthetic: true,
  endpointA: { label: "Low coverage", model: LOW_COVERAGE_MODEL },
  endpointB: { label: "High coverage", model: HIGH_COVERAGE_MODEL },
  // The pure-reasoning 32B cell of the demo study (lib/demo/study.ts makes the other five).
  study: DEMO_STUDY,
};

/** The label of the checkpoint at α: the endpoint's label at 0 and 1, none elsewhere. */
export function demoCheckpointLabel(alpha: number): string | null {
  if (alpha === 0) return DEMO_EXPERIMENT.endpointA.label;
  if (alpha === 1) return DEMO_EXPERIMENT.endpointB.label;
  return null;
}

/** The (fake) model reference of the checkpoint at α, e.g. "demo/cwm-32b-rl-merge-alpha-1.25". */
export function demoCheckpointModel(alpha: number): string {
  if (alpha === 0) return LOW_COVERAGE_MODEL;
  if (alpha === 1) return HIGH_COVERAGE_MODEL;
  return `demo/cwm-32b-rl-merge-alpha-${Number(alpha.toFixed(4))}`;
}

/**
 * The demo's trained checkpoints at two intermediate coverage levels: separate (synthetic) RL runs,
 * generated like the merged checkpoint at a nearby α (`behavesLikeAlpha`) with their own seed, so
 * they lie near the interpolation path without sitting on it.
 */
export const DEMO_TRAINED = [
  { label: "Coverage 25%", coverage: 25, behavesLikeAlpha: 0.28, model: "demo/cwm-32b-rl-coverage-25" },
  { label: "Coverage 50%", coverage: 50, behavesLikeAlpha: 0.46, model: "demo/cwm-32b-rl-coverage-50" },
] as const;
