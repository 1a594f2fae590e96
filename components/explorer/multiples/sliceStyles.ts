import { paletteVar } from "@/lib/charts/palette";
import type { DifficultySlice } from "@/lib/domain/difficulty";

/** Each slice's line: a palette colour and a dash pattern, so slices stay apart without colour vision. */
export const SLICE_STYLES: Record<DifficultySlice, { color: string; dash?: string; label: string }> = {
  all: { color: paletteVar("text"), label: "All" },
  easy: { color: paletteVar("series-1"), dash: "7 3", label: "Easy" },
  medium: { color: paletteVar("slice-medium"), dash: "2 3", label: "Medium" },
  hard: { color: paletteVar("slice-hard"), dash: "10 3 2 3", label: "Hard" },
};
