import type { ProblemSetOverlap } from "../../contracts/compareTypes";
import type { Difficulty, DifficultySlice } from "../../domain/difficulty";

/** The problems of one experiment: ids with their difficulties (parallel arrays). */
export interface ProblemSet {
  ids: readonly string[];
  difficulties: readonly Difficulty[];
}

/**
 * How the problem sets meet on one slice: each set's size, the ids all of them hold and the ids any
 * holds. Ids are compared as the files name them (one pass over every id, no sort).
 */
export function problemSetOverlap(sets: readonly ProblemSet[], slice: DifficultySlice): ProblemSetOverlap {
  const holders = new Map<string, number>();
  const sizes = sets.map(({ ids, difficulties }) => {
    let size = 0;
    ids.forEach((id, i) => {
      if (slice !== "all" && difficulties[i] !== slice) return;
      size += 1;
      holders.set(id, (holders.get(id) ?? 0) + 1);
    });
    return size;
  });
  let shared = 0;
  for (const count of holders.values()) if (count === sets.length) shared += 1;
  return { sizes, shared, union: holders.size };
}
