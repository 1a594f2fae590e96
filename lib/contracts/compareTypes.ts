import type { Difficulty, DifficultySlice } from "../domain/difficulty";
import type { FrontierData, Versioned } from "./types";

/**
 * The problem ids of one experiment version, sorted (code-unit order), with each one's difficulty:
 * stored per version so that comparing problem sets reads a small body instead of the results.
 */
export interface ProblemIdSet extends Versioned {
  benchmark: string;
  ids: string[];
  difficulties: Difficulty[];
}

/** How the compared experiments' problem sets meet, on one difficulty slice. */
export interface ProblemSetOverlap {
  /** Problems of each experiment in the slice, in the order the experiments were asked for. */
  sizes: number[];
  /** Problem ids every experiment has. */
  shared: number;
  /** Problem ids at least one experiment has. */
  union: number;
}

/** GET /api/compare?experiments=a,b[,c,d]: each experiment's own frontier body, and how they compare. */
export interface ComparisonData {
  /** Exactly what GET /api/experiments/<slug>/frontier answers for each, in the order asked. */
  experiments: FrontierData[];
  /** Whether every experiment names the same benchmark. */
  sameBenchmark: boolean;
  /** Problem-id overlap per slice (problem ids as the files name them, whatever the benchmark). */
  problems: Record<DifficultySlice, ProblemSetOverlap>;
}
