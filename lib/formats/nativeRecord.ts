import { type Difficulty, isDifficulty } from "../domain/difficulty";
import type { ResultInput } from "../domain/sweepInput";
import { isVerdict, sumVerdicts, VERDICTS, type Verdict, type VerdictCounts } from "../domain/verdicts";
import type { IssueCollector } from "./issues";
import { NATIVE_COUNT_FIELDS, NATIVE_SAMPLE_FIELDS } from "./nativeFields";
import { countFault, dateFault, readProblemId, textFault } from "./storable";
import { describeValue, isCount, isNonNegativeNumber } from "./values";

/** Problem metadata a native line may give; undefined where the line does not say. */
export interface NativeProblemFields {
  problem: string;
  difficulty: Difficulty | undefined;
  title: string | null | undefined;
  platform: string | null | undefined;
  contestDate: string | null | undefined;
}

export interface NativeCountRecord {
  kind: "counts";
  alpha: number | undefined;
  fields: NativeProblemFields;
  result: ResultInput;
}

export interface NativeSampleRecord {
  kind: "sample";
  alpha: number | undefined;
  fields: NativeProblemFields;
  verdict: Verdict;
  /** Kept for passing samples only: runtimes describe passes. */
  runtimeMs: number | null;
}

export type NativeRecord = NativeCountRecord | NativeSampleRecord;

/**
 * Validates one native line (already decoded from JSON or CSV): a sample line when it has a
 * `verdict` field, a count line otherwise. Reports every bad field of the line; null when any.
 */
export function readNativeRecord(
  record: Record<string, unknown>,
  line: number,
  issues: IssueCollector,
): NativeRecord | null {
  const reader = new FieldReader(record, line, issues);
  const isSample = record.verdict !== undefined;
  reader.checkKnownFields(isSample ? NATIVE_SAMPLE_FIELDS : NATIVE_COUNT_FIELDS, isSample);
  const alpha = reader.alpha();
  const fields = reader.problemFields();
  if (isSample) {
    const sample = reader.sample();
    if (reader.failed || !fields || !sample) return null;
    return { kind: "sample", alpha, fields, verdict: sample.verdict, runtimeMs: sample.runtimeMs };
  }
  const result = reader.counts(fields?.problem ?? "");
  if (reader.failed || !fields || !result) return null;
  return { kind: "counts", alpha, fields, result };
}

class FieldReader {
  failed = false;

  constructor(
    private readonly record: Record<string, unknown>,
    private readonly line: number,
    private readonly issues: IssueCollector,
  ) {}

  report(field: string, message: string): undefined {
    this.failed = true;
    this.issues.add({ line: this.line, field, message });
    return undefined;
  }

  checkKnownFields(known: ReadonlySet<string>, isSample: boolean): void {
    for (const key in this.record) {
      if (known.has(key)) continue;
      const hint = isSample && NATIVE_COUNT_FIELDS.has(key) ? " on a sample line (it has a verdict)" : "";
      this.report(key, `unknown field${hint}`);
    }
  }

  alpha(): number | undefined {
    const value = this.record.alpha;
    if (value === undefined || (typeof value === "number" && Number.isFinite(value))) return value;
    return this.report("alpha", `α must be a finite number, got ${describeValue(value)}`);
  }

  problemFields(): NativeProblemFields | undefined {
    const { id: problem, fault } = readProblemId(this.record.problem);
    this.check("problem", fault);
    const difficulty = this.record.difficulty;
    if (difficulty !== undefined && !isDifficulty(difficulty)) {
      this.report("difficulty", `expected easy, medium, hard or unknown, got ${describeValue(difficulty)}`);
    }
    const title = this.optionalText("title", (text) => textFault(text, "title"));
    const platform = this.optionalText("platform", (text) => textFault(text, "platform"));
    const contestDate = this.optionalText("contestDate", dateFault);
    if (this.failed || problem === null) return undefined;
    return {
      problem,
      difficulty: difficulty as Difficulty | undefined,
      title,
      platform,
      contestDate,
    };
  }

  /** Reports `fault` (a storable.ts verdict) on `field`, when there is one. */
  private check(field: string, fault: string | null): void {
    if (fault !== null) this.report(field, fault);
  }

  /** An optional string field, reported when `fault` (a storable.ts rule) finds it cannot be stored. */
  private optionalText(field: string, fault: (text: string) => string | null): string | null | undefined {
    const value = this.record[field];
    if (value === undefined || value === null) return value;
    if (typeof value !== "string")
      return this.report(field, `expected a string, got ${describeValue(value)}`);
    this.check(field, fault(value));
    return value;
  }

  sample(): { verdict: Verdict; runtimeMs: number | null } | undefined {
    const verdict = this.record.verdict;
    if (!isVerdict(verdict)) {
      return this.report(
        "verdict",
        `unknown verdict ${describeValue(verdict)} (expected one of ${VERDICTS.join(", ")})`,
      );
    }
    const runtime = this.record.runtimeMs;
    if (runtime === undefined || runtime === null) return { verdict, runtimeMs: null };
    if (!isNonNegativeNumber(runtime)) {
      return this.report("runtimeMs", `expected a non-negative finite number, got ${describeValue(runtime)}`);
    }
    return { verdict, runtimeMs: verdict === "pass" ? runtime : null };
  }

  counts(problem: string): ResultInput | undefined {
    const n = this.record.n;
    if (!isCount(n) || n === 0)
      this.report("n", `expected a positive integer sample count, got ${describeValue(n)}`);
    else this.check("n", countFault(n));
    // Named reads (not a loop over VERDICTS) keep property access monomorphic on the hot path.
    const r = this.record;
    const verdicts: VerdictCounts = {
      pass: this.count(r.pass, "pass"),
      wrongAnswer: this.count(r.wrongAnswer, "wrongAnswer"),
      timeLimit: this.count(r.timeLimit, "timeLimit"),
      runtimeError: this.count(r.runtimeError, "runtimeError"),
      compileError: this.count(r.compileError, "compileError"),
      other: this.count(r.other, "other"),
    };
    const sum = sumVerdicts(verdicts);
    if (this.failed) return undefined;
    if (sum !== n) return this.report("n", `verdict counts sum to ${sum} but n is ${n}`);
    const runtime = this.runtimeStats(verdicts.pass);
    const dpsNorm = this.record.dpsNorm ?? null;
    if (dpsNorm !== null && !(isNonNegativeNumber(dpsNorm) && dpsNorm <= 100)) {
      this.report("dpsNorm", `expected a number in [0, 100], got ${describeValue(dpsNorm)}`);
    }
    if (this.failed || !runtime) return undefined;
    return {
      problemExternalId: problem,
      n: n as number,
      verdicts,
      ...runtime,
      dpsNorm: dpsNorm as number | null,
    };
  }

  private count(value: unknown, field: Verdict): number {
    if (value === undefined) return 0;
    if (isCount(value)) {
      this.check(field, countFault(value));
      return value;
    }
    this.report(field, `expected a non-negative integer count, got ${describeValue(value)}`);
    return 0;
  }

  private runtimeStats(
    passes: number,
  ): Pick<ResultInput, "runtimeCount" | "runtimeMeanMs" | "runtimeMinMs" | "runtimeMaxMs"> | undefined {
    const mean = this.optionalRuntime("runtimeMeanMs");
    const min = this.optionalRuntime("runtimeMinMs");
    const max = this.optionalRuntime("runtimeMaxMs");
    const rawCount = this.record.runtimeCount;
    const count = rawCount ?? (mean === null ? 0 : passes);
    if (!isCount(count) || count > passes) {
      return this.report(
        "runtimeCount",
        `expected an integer between 0 and pass (${passes}), got ${describeValue(count)}`,
      );
    }
    if (this.failed) return undefined;
    if (count === 0 && (mean !== null || min !== null || max !== null)) {
      return this.report(
        "runtimeMeanMs",
        "runtimes given but no passing sample has a runtime (runtimeCount or pass is 0)",
      );
    }
    if (count > 0 && mean === null)
      return this.report("runtimeMeanMs", `required when runtimeCount is ${count}`);
    if (mean !== null && ((min !== null && min > mean) || (max !== null && max < mean))) {
      return this.report("runtimeMeanMs", "must lie between runtimeMinMs and runtimeMaxMs");
    }
    return { runtimeCount: count, runtimeMeanMs: mean, runtimeMinMs: min, runtimeMaxMs: max };
  }

  private optionalRuntime(field: string): number | null {
    const value = this.record[field];
    if (value === undefined || value === null) return null;
    if (isNonNegativeNumber(value)) return value;
    this.report(field, `expected a non-negative finite number of milliseconds, got ${describeValue(value)}`);
    return null;
  }
}
