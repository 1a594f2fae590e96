import { formatAlpha } from "../domain/alpha";
import type { Difficulty } from "../domain/difficulty";
import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import type { ImportFormat } from "./formats";
import type { IssueCollector } from "./issues";
import { MAX_STORED_COUNT } from "./limits";
import type { NativeProblemFields, NativeRecord } from "./nativeRecord";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";

const METADATA_FIELDS = ["difficulty", "title", "platform", "contestDate"] as const;

interface ProblemEntry {
  /** Order of first appearance: indexes each checkpoint's first-line table. */
  index: number;
  problem: ProblemInput;
  /** The line that set each metadata field, to point at when a later line disagrees. */
  setOn: Partial<Record<(typeof METADATA_FIELDS)[number], number>>;
}

interface CheckpointEntry {
  /** Line of each problem's count row (by problem index; 0 = none yet): finds duplicates in 4 bytes a row. */
  lines: Int32Array;
  /** Count rows in order, kept only when there is no sink. */
  counts: ResultInput[];
  /** Samples of the count rows so far: one checkpoint's total is stored as an integer too. */
  samples: number;
  tallies: Map<string, SampleTally>;
}

/**
 * Receives each validated result as soon as it is known (count rows as their line is read, sample
 * tallies when the file ends), with the α its line gives (null when the file names none) and the
 * difficulty its problem has so far (a later line may still give an unknown one).
 */
export type NativeResultSink = (alpha: number | null, result: ResultInput, difficulty: Difficulty) => void;

/**
 * Collects validated native records (count or sample lines, JSONL or CSV) into a run, keeping
 * O(problems × checkpoints) state. Enforces: one line shape per file, `alpha` on every line or on
 * none, no duplicate (α, problem) count row, and consistent problem metadata across lines. With a
 * sink, results go to the sink instead of the run (whose checkpoints then hold no results), so a
 * file of any size is read with a few bytes per row (the duplicate check) instead of its rows.
 */
export class NativeRunBuilder {
  private readonly problems = new Map<string, ProblemEntry>();
  private readonly checkpoints = new Map<number | null, CheckpointEntry>();
  private last: { alpha: number | null; entry: CheckpointEntry } | null = null;
  private firstLine: { line: number; kind: NativeRecord["kind"]; hasAlpha: boolean } | null = null;

  constructor(
    private readonly format: ImportFormat,
    private readonly issues: IssueCollector,
    private readonly sink?: NativeResultSink,
  ) {}

  add(record: NativeRecord, line: number): void {
    if (!this.checkShape(record, line)) return;
    const problem = this.registerProblem(record.fields, line);
    if (!problem) return;
    const alpha = record.alpha ?? null;
    const checkpoint = this.checkpointFor(alpha);
    if (record.kind === "sample") {
      let tally = checkpoint.tallies.get(record.fields.problem);
      if (!tally) {
        tally = new SampleTally();
        checkpoint.tallies.set(record.fields.problem, tally);
      }
      tally.add(record.verdict, record.runtimeMs);
      return;
    }
    if (checkpoint.lines.length <= problem.index) checkpoint.lines = grow(checkpoint.lines, problem.index);
    const earlier = checkpoint.lines[problem.index];
    if (earlier !== 0) {
      const where = alpha === null ? "" : ` at α = ${formatAlpha(alpha)}`;
      this.issues.add({
        line,
        field: "problem",
        message: `duplicate row for problem ${JSON.stringify(record.fields.problem)}${where} (first on line ${earlier})`,
      });
      return;
    }
    checkpoint.samples += record.result.n;
    if (checkpoint.samples > MAX_STORED_COUNT) {
      const of = alpha === null ? "the file's checkpoint" : `α = ${formatAlpha(alpha)}`;
      this.issues.fail({
        line,
        field: "n",
        message: `the samples of ${of} add up to ${checkpoint.samples}, over ${MAX_STORED_COUNT}, the most one checkpoint can hold`,
      });
    }
    checkpoint.lines[problem.index] = line;
    if (this.sink) this.sink(alpha, record.result, problem.problem.difficulty);
    else checkpoint.counts.push(record.result);
  }

  /** The run, or throws when no data line was added or any issue was collected. */
  finish(file: string, notes: string[] = []): ParsedRun {
    this.issues.throwIfAny();
    if (!this.firstLine) this.issues.fail({ message: "the file is empty (no data lines)" });
    const entries = [...this.checkpoints].sort(([a], [b]) => (a ?? 0) - (b ?? 0));
    const checkpoints = entries.map(([alpha, entry]) => {
      const results = entry.counts;
      for (const [problem, tally] of entry.tallies) {
        if (this.sink) this.sink(alpha, tally.toResult(problem), this.difficultyOf(problem));
        else results.push(tally.toResult(problem));
      }
      return { alpha, results };
    });
    const problems = [...this.problems.values()].map((p) => p.problem);
    if (problems.every((p) => p.difficulty === "unknown"))
      notes.push("no line gives a difficulty: every problem is 'unknown'");
    return { format: this.format, file, problems, checkpoints, notes };
  }

  private difficultyOf(problem: string): Difficulty {
    return this.problems.get(problem)?.problem.difficulty ?? "unknown";
  }

  /** The entry of one α; files are usually grouped by α, so the last one is remembered. */
  private checkpointFor(alpha: number | null): CheckpointEntry {
    if (this.last && this.last.alpha === alpha) return this.last.entry;
    let entry = this.checkpoints.get(alpha);
    if (!entry) {
      entry = {
        lines: new Int32Array(Math.max(16, this.problems.size)),
        counts: [],
        samples: 0,
        tallies: new Map(),
      };
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

  /** The problem's entry, registered on first sight; null when the line contradicts its metadata. */
  private registerProblem(fields: NativeProblemFields, line: number): ProblemEntry | null {
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
      const entry = { index: this.problems.size, problem, setOn };
      this.problems.set(fields.problem, entry);
      return entry;
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
        return null;
      }
    }
    return existing;
  }
}

/** A copy of `lines` long enough to hold `index`, doubling to keep growth amortized O(1). */
function grow(lines: Int32Array, index: number): Int32Array {
  const grown = new Int32Array(Math.max(index + 1, lines.length * 2));
  grown.set(lines);
  return grown;
}
