import type { ResultInput } from "../domain/sweepInput";
import { emptyVerdictCounts, type Verdict, type VerdictCounts } from "../domain/verdicts";

/**
 * Aggregates the graded samples of one (checkpoint, problem) into verdict counts and pass-runtime
 * statistics, in O(1) memory, so per-sample formats never hold their samples.
 */
export class SampleTally {
  readonly verdicts: VerdictCounts = emptyVerdictCounts();
  n = 0;
  private runtimeCount = 0;
  private runtimeSum = 0;
  private runtimeMin = Number.POSITIVE_INFINITY;
  private runtimeMax = Number.NEGATIVE_INFINITY;

  /** Counts one sample; `runtimeMs` is kept only for passing samples (null when unknown). */
  add(verdict: Verdict, runtimeMs: number | null = null): void {
    this.n++;
    this.verdicts[verdict]++;
    if (verdict !== "pass" || runtimeMs === null) return;
    this.runtimeCount++;
    this.runtimeSum += runtimeMs;
    if (runtimeMs < this.runtimeMin) this.runtimeMin = runtimeMs;
    if (runtimeMs > this.runtimeMax) this.runtimeMax = runtimeMs;
  }

  toResult(problemExternalId: string, dpsNorm: number | null = null): ResultInput {
    const known = this.runtimeCount > 0;
    return {
      problemExternalId,
      n: this.n,
      verdicts: { ...this.verdicts },
      runtimeCount: this.runtimeCount,
      runtimeMeanMs: known ? this.runtimeSum / this.runtimeCount : null,
      runtimeMinMs: known ? this.runtimeMin : null,
      runtimeMaxMs: known ? this.runtimeMax : null,
      dpsNorm,
    };
  }
}
