import type { Difficulty } from "../domain/difficulty";
import { sampleNormal } from "./sampling";

/** The difficulties the demo generates problems for. */
export type DemoDifficulty = Exclude<Difficulty, "unknown">;

/**
 * The hidden nature of one synthetic problem; the verdict distribution of any checkpoint follows
 * from it and α alone.
 */
export interface ProblemTraits {
  /** Log-odds of a pass at α = 0.5, before collapse and per-checkpoint noise. */
  passLogit: number;
  /**
   * −1 = the problem needs care for correctness (favoured by low coverage, α → 0),
   * +1 = it needs an efficient algorithm (favoured by high coverage, α → 1).
   */
  trait: number;
  /** How strongly α moves the pass log-odds along the trait. */
  traitStrength: number;
  /** Log-odds that a failing sample is a wrong answer rather than a time limit, at α = 0. */
  wrongAnswerLogit: number;
  /** Typical runtime of a passing sample at α = 0, in milliseconds. */
  runtimeMs: number;
}

interface DifficultyProfile {
  /** Share of problems whose passes are rare (tiny per-sample pass rate, strong trait). */
  rareShare: number;
  passLogit: { mean: number; sd: number };
  rarePassLogit: { mean: number; sd: number };
  traitStrength: number;
  rareTraitStrength: number;
  wrongAnswerLogit: number;
  /** Change of the wrong-answer log-odds per unit α: more coverage, fewer time limits. */
  wrongAnswerSlope: number;
  /** Log-odds of a crash, compile error or ungradable sample away from collapse. */
  brokenLogit: number;
  runtimeMedianMs: number;
}

const PROFILES: Record<DemoDifficulty, DifficultyProfile> = {
  easy: {
    rareShare: 0,
    passLogit: { mean: 3.2, sd: 1.1 },
    rarePassLogit: { mean: 0, sd: 0 },
    traitStrength: 0.4,
    rareTraitStrength: 0,
    wrongAnswerLogit: 1.2,
    wrongAnswerSlope: 0.5,
    brokenLogit: -4.2,
    runtimeMedianMs: 90,
  },
  medium: {
    rareShare: 0.08,
    passLogit: { mean: 0.9, sd: 1.4 },
    rarePassLogit: { mean: -4.5, sd: 0.8 },
    traitStrength: 1,
    rareTraitStrength: 3,
    wrongAnswerLogit: 0.5,
    wrongAnswerSlope: 1,
    brokenLogit: -3.6,
    runtimeMedianMs: 240,
  },
  hard: {
    rareShare: 0.35,
    passLogit: { mean: -0.9, sd: 1.3 },
    rarePassLogit: { mean: -6, sd: 0.9 },
    traitStrength: 1,
    rareTraitStrength: 2.5,
    wrongAnswerLogit: -0.5,
    wrongAnswerSlope: 1.6,
    brokenLogit: -3.2,
    runtimeMedianMs: 650,
  },
};

/** Standard deviation of the per-checkpoint noise on a problem's pass log-odds. */
const CHECKPOINT_NOISE_SD = 0.25;
/** How far outside [0, 1] α may go before quality starts to collapse. */
const COLLAPSE_ONSET = 0.5;
const COLLAPSE_PASS_PENALTY = 1.8;
const COLLAPSE_BROKEN_BOOST = 2.5;
/** Pass runtimes scale by e^(−rate·α): more coverage, faster code. */
const RUNTIME_DECAY_PER_ALPHA = 0.45;

function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/**
 * A source of problem traits. Within each difficulty, problems of the same kind (rare or not) lean
 * alternately to low and high coverage, so neither endpoint is better overall by chance.
 */
export function createTraitSampler(rng: () => number): (difficulty: DemoDifficulty) => ProblemTraits {
  const drawn = new Map<string, number>();
  return (difficulty) => {
    const profile = PROFILES[difficulty];
    const rare = rng() < profile.rareShare;
    const kind = `${difficulty}:${rare}`;
    const count = drawn.get(kind) ?? 0;
    drawn.set(kind, count + 1);
    const side = count % 2 === 0 ? 1 : -1;
    const logit = rare ? profile.rarePassLogit : profile.passLogit;
    // Rare problems lean clearly to their side, so checkpoints at opposite α solve different ones.
    const trait = side * (rare ? 0.3 + 0.7 * rng() : rng());
    return {
      passLogit: logit.mean + logit.sd * sampleNormal(rng),
      trait,
      traitStrength: rare ? profile.rareTraitStrength : profile.traitStrength,
      wrongAnswerLogit: profile.wrongAnswerLogit + 0.6 * sampleNormal(rng),
      runtimeMs: profile.runtimeMedianMs * Math.exp(0.6 * sampleNormal(rng)),
    };
  };
}

/**
 * How far past the collapse onset α lies, squared and scaled so that α = −1 and α = 2 give 1:
 * 0 on [−0.5, 1.5], then growing fast.
 */
function collapseLevel(alpha: number): number {
  const outside = Math.max(0, -alpha, alpha - 1);
  const excess = Math.max(0, outside - COLLAPSE_ONSET) / (1 - COLLAPSE_ONSET);
  return excess * excess;
}

/**
 * Probabilities of the six verdicts (in VERDICTS order) for one sample of a checkpoint at α on a
 * problem. `noise` is that checkpoint's standard-normal draw for this problem.
 */
export function verdictProbabilities(
  traits: ProblemTraits,
  difficulty: DemoDifficulty,
  alpha: number,
  noise: number,
): number[] {
  const profile = PROFILES[difficulty];
  const collapse = collapseLevel(alpha);
  const broken = sigmoid(profile.brokenLogit + COLLAPSE_BROKEN_BOOST * collapse);
  const passLogit =
    traits.passLogit +
    traits.traitStrength * traits.trait * (alpha - 0.5) -
    COLLAPSE_PASS_PENALTY * collapse +
    CHECKPOINT_NOISE_SD * noise;
  const pass = (1 - broken) * sigmoid(passLogit);
  const failed = 1 - broken - pass;
  const wrongAnswer = failed * sigmoid(traits.wrongAnswerLogit + profile.wrongAnswerSlope * alpha);
  // In collapse, output degrades to code that does not even compile.
  const compileShare = 0.25 + 0.4 * (1 - Math.exp(-collapse));
  const otherShare = 0.05;
  return [
    pass,
    wrongAnswer,
    failed - wrongAnswer,
    broken * (1 - compileShare - otherShare),
    broken * compileShare,
    broken * otherShare,
  ];
}

/** Typical runtime of a passing sample at α, in milliseconds. */
export function passRuntimeMs(traits: ProblemTraits, alpha: number): number {
  return traits.runtimeMs * Math.exp(-RUNTIME_DECAY_PER_ALPHA * alpha);
}
