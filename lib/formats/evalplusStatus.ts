import type { Verdict } from "../domain/verdicts";

/** Which EvalPlus tests decide a pass: base and plus (the EvalPlus score, default) or base only. */
export const EVALPLUS_TESTS = ["plus", "base"] as const;
export type EvalPlusTests = (typeof EVALPLUS_TESTS)[number];

/**
 * Status words of both EvalPlus schemas: current (`pass|fail|timeout`) and legacy ≤ 0.1
 * (`success|failed|timed out`). A per-test time-limit hit is recorded as a fail, so only a killed
 * run (`timeout`) is a time limit.
 */
const STATUS_VERDICTS: ReadonlyMap<string, Verdict> = new Map<string, Verdict>([
  ["pass", "pass"],
  ["fail", "wrongAnswer"],
  ["timeout", "timeLimit"],
  ["success", "pass"],
  ["failed", "wrongAnswer"],
  ["timed out", "timeLimit"],
]);

export function evalPlusStatusVerdict(status: unknown): Verdict | undefined {
  return typeof status === "string" ? STATUS_VERDICTS.get(status) : undefined;
}

/** With plus tests a sample passes only if base and plus both pass; otherwise the first failure counts. */
export function combineEvalPlusVerdicts(base: Verdict, plus: Verdict | null): Verdict {
  return base !== "pass" || plus === null ? base : plus;
}
