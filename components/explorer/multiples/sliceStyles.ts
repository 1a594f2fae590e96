import type { DifficultySlice } from "@/lib/domain/difficulty";

/** Each slice's line: a colour and a dash pattern, so slices stay apart without colour vision. */
export const SLICE_STYLES: Record<DifficultySlice, { color: string; dash?: string; label: string }> = {
  all: { color: "#14171c", label: "All" },
  easy: { color: "#0072b2", dash: "7 3", label: "Easy" },
  medium: { color: "#8a5a00", dash: "2 3", label: "Medium" },
  hard: { color: "#c0392b", dash: "10 3 2 3", label: "Hard" },
};
