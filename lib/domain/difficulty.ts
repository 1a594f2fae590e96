/** Problem difficulty buckets as LiveCodeBench reports them; `unknown` when the source has none. */
export const DIFFICULTIES = ["easy", "medium", "hard", "unknown"] as const;

export type Difficulty = (typeof DIFFICULTIES)[number];

/** The difficulty filters a user can pick: everything, or one bucket. */
export const DIFFICULTY_SLICES = ["all", "easy", "medium", "hard"] as const;

export type DifficultySlice = (typeof DIFFICULTY_SLICES)[number];

export function isDifficulty(value: unknown): value is Difficulty {
  return typeof value === "string" && (DIFFICULTIES as readonly string[]).includes(value);
}

/** Whether a problem of `difficulty` belongs to a slice (or a single bucket, `unknown` included). */
export function inSlice(difficulty: Difficulty, slice: DifficultySlice | Difficulty): boolean {
  return slice === "all" || difficulty === slice;
}
