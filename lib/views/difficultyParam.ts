import { DIFFICULTY_SLICES, type DifficultySlice } from "../domain/difficulty";

/**
 * The `difficulty` URL parameter of a shared view, checked against the slices the experiment has:
 * the slice to show, or a notice saying why the fallback is shown instead.
 */
export function parseDifficultyParam(
  text: string,
  available: readonly DifficultySlice[],
  fallback: DifficultySlice,
): { slice: DifficultySlice } | { notice: string } {
  const known = (DIFFICULTY_SLICES as readonly string[]).includes(text);
  if (known && available.includes(text as DifficultySlice)) return { slice: text as DifficultySlice };
  return {
    notice: known
      ? `This experiment has no ${text} problems; showing ${fallback} problems.`
      : `Unknown difficulty “${text}”; showing ${fallback} problems.`,
  };
}

/** The slice after `current` among those the experiment has, wrapping round (the `d` key). */
export function nextSlice(current: DifficultySlice, available: readonly DifficultySlice[]): DifficultySlice {
  const ordered = DIFFICULTY_SLICES.filter((slice) => available.includes(slice));
  if (ordered.length === 0) return current;
  return ordered[(ordered.indexOf(current) + 1) % ordered.length];
}
