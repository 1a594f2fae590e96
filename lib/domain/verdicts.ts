/** The six verdicts a graded sample can have, in display order. */
export const VERDICTS = [
  "pass",
  "wrongAnswer",
  "timeLimit",
  "runtimeError",
  "compileError",
  "other",
] as const;

export type Verdict = (typeof VERDICTS)[number];

/** Number of samples per verdict; they sum to the sample count n. */
export type VerdictCounts = Record<Verdict, number>;

export const VERDICT_LABELS: Record<Verdict, string> = {
  pass: "Pass",
  wrongAnswer: "Wrong answer",
  timeLimit: "Time limit",
  runtimeError: "Runtime error",
  compileError: "Compile error",
  other: "Other",
};

export function emptyVerdictCounts(): VerdictCounts {
  return { pass: 0, wrongAnswer: 0, timeLimit: 0, runtimeError: 0, compileError: 0, other: 0 };
}

export function sumVerdicts(counts: VerdictCounts): number {
  let total = 0;
  for (const v of VERDICTS) total += counts[v];
  return total;
}

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === "string" && (VERDICTS as readonly string[]).includes(value);
}
