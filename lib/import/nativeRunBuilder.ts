import { formatAlpha } from "../domain/alpha";
import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import type { ImportFormat } from "./formats";
import type { IssueCollector } from "./issues";
import type { NativeProblemFields, NativeRecord } from "./nativeRecord";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";

const METADATA_FIELDS = ["difficulty", "title", "platform", "contestDate"] as const;

interface ProblemEntry {
  problem: ProblemInput;
  /** The line that set each metadata field, to point at when a later line disagrees. */
  setOn: Partial<Record<(typeof METADATA_FIELDS)[number], number>>;
}

interface CheckpointEntry {
  counts: Map<string, { result: ResultInput; line: number }>;
  samples: Map<string, SampleTally>;
}

/**
 * Collects validated native records (count or sample lines, JSONL or CSV) into a run, keeping
 * O(problems × checkpoints) state. Enforces: one line shape per file, `alpha` on every line or on
 * none, no duplicate (α, problem) count row, and consistent problem metadata across lines.
 */
export class NativeRunBuilder {
  private readonly problems = new Map<string, ProblemEntry>();
  private readonly checkpoints = new Map<number | null, CheckpointEntry>();
  private last: { alpha: number | null; entry: CheckpointEntry } | null = null;
  private firstLine: { line: number; kind: NativeRecord["kind"]; hasAlpha: boolean } | null = null;

  constructor(
    private readonly format: ImportFormat,
    private readonly issues: IssueCollector,
  ) {}

  add(record: NativeRecord, line: number): void {
    if (!this.checkShape(record, line)) return;
    if (!this.registerProblem(record.fields, line)) return;
    const alpha = record.alpha ?? null;
    const checkpoint = this.checkpointFor(alpha);
    if (record.kind === "sample") {
      let tally = checkpoint.samples.get(record.fields.problem);
      if (!tally) {
        tally = new SampleTally();
        checkpoint.samples.set(record.fields.problem, tally);
      }
      tally.add(record.verdict, record.runtimeMs);
      return;
    }
    const earlier = checkpoint.counts.get(record.fields.problem);
    if (earlier) {
      const where = alpha === null ? "" : ` at α = ${formatAlpha(alpha)}`;
      this.issues.add({
        line,
        field: "problem",
        message: `duplicate row for problem ${JSON.stringify(record.fields.problem)}${where} (first on line ${earlier.line})`,
      });
      return;
    }
    checkpoint.counts.set(record.fields.problem, { result: record.result, line });
  }

  /** The run, or throws when no data line was added or any issue was collected. */
  finish(file: string, notes: string[] = []): ParsedRun {
    this.issues.throwIfAny();
    if (!this.firstLine) this.issues.fail({ message: "the file is empty (no data lines)" });
    const entries = [...this.checkpoints].sort(([a], [b]) => (a ?? 0) - (b ?? 0));
    const checkpoints = entries.map(([alpha, entry]) => {
      const results = [...entry.counts.values()].map((c) => c.result);
      for (const [problem, tally] of entry.samples) results.push(tally.toResult(problem));
      return { alpha, results };
    });
    const problems = [...this.problems.values()].map((p) => p.problem);
    if (problems.every((p) => p.difficulty === "unknown"))
      notes.push("no line gives a difficulty: every problem is 'unknown'");
    return { format: this.format, file, problems, checkpoints, notes };
  }

  /** The entry of one α; files are usually grouped by α, so the last one is remembered. */
  private checkpointFor(alpha: number | null): CheckpointEntry {
    if (this.last && this.last.alpha === alpha) return this.last.entry;
    let entry = this.checkpoints.get(alpha);
    if (!entry) {
      entry = { counts: new Map(), samples: new Map() };
      this.checkpoints.set(alpha, entry);
    }
    this.last = { alpha, entry };
    return entry;
  }

  private checkShape(record: NativeRecord, line: number): boolean {
    const hasAlpha = record.alpha !== undefined;
    if (!this.firstLine) {
      this.firstLine = { line, kind: record.kind, hasAlpha };
      return true;
    }
    const first = this.firstLine;
    if (record.kind !== first.kind) {
      const shape = (kind: NativeRecord["kind"]) =>
        kind === "sample" ? "a sample line (with verdict)" : "a count line";
      this.issues.add({
        line,
        message: `is ${shape(record.kind)} but line ${first.line} is ${shape(first.kind)}: one shape per file`,
      });
      return false;
    }
    if (hasAlpha !== first.hasAlpha) {
      const message = hasAlpha
        ? `is given here but not on line ${first.line}: give alpha on every line or on none`
        : `is missing here but given on line ${first.line}: give alpha on every line or on none`;
      this.issues.add({ line, field: "alpha", message });
      return false;
    }
    return true;
  }

  private registerProblem(fields: NativeProblemFields, line: number): boolean {
    const existing = this.problems.get(fields.problem);
    if (!existing) {
      const problem: ProblemInput = {
        externalId: fields.problem,
        difficulty: fields.difficulty ?? "unknown",
        title: fields.title ?? null,
        platform: fields.platform ?? null,
        contestDate: fields.contestDate ?? null,
      };
      const setOn: ProblemEntry["setOn"] = {};
      for (const field of METADATA_FIELDS)
        if (fields[field] !== undefined && fields[field] !== null) setOn[field] = line;
      this.problems.set(fields.problem, { problem, setOn });
      return true;
    }
    for (const field of METADATA_FIELDS) {
      const value = fields[field];
      if (value === undefined || value === null) continue;
      const firstLine = existing.setOn[field];
      if (firstLine === undefined) {
        Object.assign(existing.problem, { [field]: value });
        existing.setOn[field] = line;
      } else if (existing.problem[field] !== value) {
        this.issues.add({
          line,
          field,
          message: `${JSON.stringify(value)} differs from ${JSON.stringify(existing.problem[field])} given for problem ${JSON.stringify(fields.problem)} on line ${firstLine}`,
        });
        return false;
      }
    }
    return true;
  }
}
