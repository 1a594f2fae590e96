import type {
  CheckpointInput,
  ProblemInput,
  ResultInput,
  SweepInput,
  TrainedInput,
} from "../domain/sweepInput";
import { emptyVerdictCounts, VERDICTS } from "../domain/verdicts";
import { createRng } from "../science/random";
import {
  createTraitSampler,
  type DemoDifficulty,
  type ProblemTraits,
  passRuntimeMs,
  verdictProbabilities,
} from "./behaviour";
import { DEMO_EXPERIMENT, DEMO_TRAINED, demoCheckpointLabel, demoCheckpointModel } from "./experiment";
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from "./options";
import { fakeProblemSet } from "./problemCatalog";
import { sampleMultinomial, sampleNormal } from "./sampling";

interface DemoProblem {
  input: ProblemInput;
  difficulty: DemoDifficulty;
  traits: ProblemTraits;
}

/** Difficulty slots in a seeded random order, so ids and dates do not sort by difficulty. */
function shuffledDifficulties(rng: () => number, counts: Record<DemoDifficulty, number>): DemoDifficulty[] {
  const slots: DemoDifficulty[] = [];
  for (const difficulty of ["easy", "medium", "hard"] as const) {
    for (let i = 0; i < counts[difficulty]; i++) slots.push(difficulty);
  }
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  return slots;
}

function demoProblems(seed: number, counts: Record<DemoDifficulty, number>): DemoProblem[] {
  const rng = createRng(seed);
  const difficulties = shuffledDifficulties(rng, counts);
  const inputs = fakeProblemSet(rng, difficulties);
  const drawTraits = createTraitSampler(rng);
  return inputs.map((input, i) => ({
    input,
    difficulty: difficulties[i],
    traits: drawTraits(difficulties[i]),
  }));
}

/** A seed of its own per checkpoint, so adding an α to the grid leaves the others unchanged. */
function checkpointSeed(seed: number, alpha: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.round(alpha * 10_000);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function toTenthMs(ms: number): number {
  return Math.round(ms * 10) / 10;
}

function demoResult(rng: () => number, problem: DemoProblem, alpha: number, samples: number): ResultInput {
  const probabilities = verdictProbabilities(problem.traits, problem.difficulty, alpha, sampleNormal(rng));
  const counts = sampleMultinomial(rng, samples, probabilities);
  const verdicts = emptyVerdictCounts();
  VERDICTS.forEach((verdict, i) => {
    verdicts[verdict] = counts[i];
  });
  const passes = verdicts.pass;
  const result: ResultInput = {
    problemExternalId: problem.input.externalId,
    n: samples,
    verdicts,
    runtimeCount: passes,
    runtimeMeanMs: null,
    runtimeMinMs: null,
    runtimeMaxMs: null,
    dpsNorm: null,
  };
  if (passes === 0) return result;
  const mean = passRuntimeMs(problem.traits, alpha) * Math.exp(0.1 * sampleNormal(rng));
  // Spread between the fastest and slowest pass widens with the number of passes.
  const spread = passes === 1 ? 0 : Math.min(1, 0.25 * Math.log(passes) + 0.2 * rng());
  result.runtimeMeanMs = toTenthMs(mean);
  result.runtimeMinMs = toTenthMs(mean * Math.exp(-0.6 * spread));
  result.runtimeMaxMs = toTenthMs(mean * Math.exp(spread));
  return result;
}

function demoCheckpoint(
  seed: number,
  problems: DemoProblem[],
  alpha: number,
  samples: number,
): CheckpointInput {
  const rng = createRng(checkpointSeed(seed, alpha));
  return {
    alpha,
    label: demoCheckpointLabel(alpha),
    model: demoCheckpointModel(alpha),
    results: problems.map((problem) => demoResult(rng, problem, alpha, samples)),
  };
}

/** A demo trained checkpoint: results like α = `behavesLikeAlpha`'s, from a seed of its own (another run). */
function demoTrained(
  seed: number,
  problems: DemoProblem[],
  trained: (typeof DEMO_TRAINED)[number],
  samples: number,
): TrainedInput {
  const rng = createRng(checkpointSeed(seed ^ 0x5bd1e995, trained.coverage));
  return {
    label: trained.label,
    coverage: trained.coverage,
    model: trained.model,
    results: problems.map((problem) => demoResult(rng, problem, trained.behavesLikeAlpha, samples)),
  };
}

/**
 * The synthetic demo experiment: a LiveCodeBench-like problem set evaluated at every α of the
 * options, as verdict counts per (checkpoint, problem) with runtimes for passes, and two trained
 * checkpoints at intermediate coverage (DEMO_TRAINED). Deterministic in the options; cost
 * O(checkpoints × problems × verdicts), independent of the sample count.
 */
export function generateDemoSweep(options: Partial<DemoOptions> = {}): SweepInput {
  const { seed, problems: counts, alphas, samples, samplingSeed } = { ...DEFAULT_DEMO_OPTIONS, ...options };
  const problems = demoProblems(seed, counts);
  return {
    experiment: structuredClone(DEMO_EXPERIMENT),
    problems: problems.map((problem) => problem.input),
    checkpoints: alphas.map((alpha) => demoCheckpoint(samplingSeed ?? seed, problems, alpha, samples)),
    trained: DEMO_TRAINED.map((trained) => demoTrained(samplingSeed ?? seed, problems, trained, samples)),
  };
}
