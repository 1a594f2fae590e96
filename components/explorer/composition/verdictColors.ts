import type { Verdict } from "@/lib/domain/verdicts";

/** Verdict fills (Okabe–Ito), the same CSS variables the rest of the UI uses. */
export const VERDICT_COLORS: Record<Verdict, string> = {
  pass: "var(--verdict-pass)",
  wrongAnswer: "var(--verdict-wrong-answer)",
  timeLimit: "var(--verdict-time-limit)",
  runtimeError: "var(--verdict-runtime-error)",
  compileError: "var(--verdict-compile-error)",
  other: "var(--verdict-other)",
};
