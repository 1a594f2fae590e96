import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ResultInput } from "@/lib/domain/sweepInput";
import { emptyVerdictCounts, VERDICTS, type VerdictCounts } from "@/lib/domain/verdicts";
import { ImportValidationError } from "@/lib/formats/issues";

const FIXTURES = fileURLToPath(new URL("../../fixtures/import/", import.meta.url));

/** Text of a committed fixture under tests/fixtures/import/. */
export function fixture(path: string): string {
  return readFileSync(FIXTURES + path, "utf8");
}

/** Verdict counts summed over results. */
export function verdictTotals(results: readonly ResultInput[]): VerdictCounts {
  const totals = emptyVerdictCounts();
  for (const r of results) for (const v of VERDICTS) totals[v] += r.verdicts[v];
  return totals;
}

/** Verdict counts from a partial record, zeros elsewhere. */
export function counts(partial: Partial<VerdictCounts>): VerdictCounts {
  return { ...emptyVerdictCounts(), ...partial };
}

/** The formatted issue lines of the ImportValidationError `run` throws; fails if it does not throw one. */
export function issueLines(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportValidationError) return error.format().split("\n");
    throw error;
  }
  throw new Error("expected an ImportValidationError");
}
