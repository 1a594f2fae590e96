import { paletteVar } from "@/lib/charts/palette";
import type { Verdict } from "@/lib/domain/verdicts";

/** Verdict fills: the palette's verdict colours, the same variables the rest of the UI uses. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  pass: paletteVar("verdict-pass"),
  wrongAnswer: paletteVar("verdict-wrong-answer"),
  timeLimit: paletteVar("verdict-time-limit"),
  runtimeError: paletteVar("verdict-runtime-error"),
  compileError: paletteVar("verdict-compile-error"),
  other: paletteVar("verdict-other"),
};
