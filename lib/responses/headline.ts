import type { DifficultySlice } from "../domain/difficulty";

/**
 * The headline numbers at one α, as link previews, mergekit recipes and export footnotes quote
 * them: measured at an evaluated α, estimated between evaluated α, none outside the evaluated range.
 */
export interface Headline {
  alpha: number;
  difficulty: DifficultySlice;
  /** "none": α lies outside the evaluated range, where nothing is estimated. */
  status: "measured" | "estimated" | "none";
  /** Solve rate, correctness and efficiency (those defined), each formatted with its interval. */
  values: { id: string; label: string; shortLabel: string; text: string }[];
}

/** "solve rate 42.1% [40.0%, 44.3%], correctness …": the values as one phrase. */
export function headlinePhrase(headline: Headline): string {
  return headline.values.map((entry) => `${entry.label} ${entry.text}`).join(", ");
}
