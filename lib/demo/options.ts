import type { DemoDifficulty } from "./behaviour";

/** What the demo sweep generator produces; every field has a default. */
export interface DemoOptions {
  /** Same seed, same sweep. */
  seed: number;
  /** Number of problems per difficulty. */
  problems: Record<DemoDifficulty, number>;
  /** The α of every checkpoint to generate. */
  alphas: number[];
  /** Samples per (checkpoint, problem). */
  samples: number;
  /**
   * Seed of the samples alone, when it differs from `seed`: another sweep over the same problems
   * (the demo study's cells share the main demo's problems, so their difficulties agree).
   */
  samplingSeed?: number;
}

/**
 * `count` evenly spaced α from `min` to `max` inclusive, rounded to 6 decimals so that a grid
 * such as −1 … 2 in steps of 0.25 holds exactly 0 and 1.
 */
export function alphaGrid(min: number, max: number, count: number): number[] {
  if (count === 1) return [min];
  const step = (max - min) / (count - 1);
  return Array.from({ length: count }, (_, i) => Number((min + i * step).toFixed(6)));
}

/** A LiveCodeBench-sized problem set, α from −1.0 to 2.0 in steps of 0.25, 256 samples. */
export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  seed: 20260528,
  problems: { easy: 140, medium: 150, hard: 130 },
  alphas: alphaGrid(-1, 2, 13),
  samples: 256,
};
