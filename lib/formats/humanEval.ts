import type { ProblemInput } from "../domain/sweepInput";
import { humanEvalVerdict } from "./humanEvalResult";
import { IssueCollector } from "./issues";
import { isBlankLine, parseJsonObjectLine } from "./jsonLine";
import { type LineParser, parseLines } from "./lineParser";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";
import { readProblemId } from "./storable";
import { describeValue } from "./values";

/**
 * Streams an OpenAI human-eval `<samples>.jsonl_results.jsonl`: one sample per line with
 * `task_id`, `passed` and `result`. Samples of a task need not be adjacent.
 */
export class HumanEvalParser implements LineParser {
  private readonly issues: IssueCollector;
  private readonly file: string;
  private readonly tallies = new Map<string, SampleTally>();

  constructor(file: string) {
    this.file = file;
    this.issues = new IssueCollector(file);
  }

  pushLine(line: string, lineNumber: number): void {
    if (isBlankLine(line)) return;
    const record = parseJsonObjectLine(line, lineNumber, this.issues);
    if (!record) return;
    const { passed, result } = record;
    const { id: taskId, fault } = readProblemId(record.task_id);
    if (fault !== null) {
      this.issues.add({ line: lineNumber, field: "task_id", message: fault });
      return;
    }
    if (typeof result !== "string") {
      this.issues.add({
        line: lineNumber,
        field: "result",
        message: `expected a string, got ${describeValue(result)}`,
      });
      return;
    }
    const verdict = humanEvalVerdict(result);
    if (!verdict) {
      this.issues.add({
        line: lineNumber,
        field: "result",
        message: `unknown result ${describeValue(result)} (expected "passed", "timed out" or "failed: …")`,
      });
      return;
    }
    if (passed !== undefined && passed !== (verdict === "pass")) {
      this.issues.add({
        line: lineNumber,
        field: "passed",
        message: `is ${describeValue(passed)} but result is ${JSON.stringify(result)}`,
      });
      return;
    }
    let tally = this.tallies.get(taskId);
    if (!tally) {
      tally = new SampleTally();
      this.tallies.set(taskId, tally);
    }
    tally.add(verdict);
  }

  finish(): ParsedRun {
    this.issues.throwIfAny();
    if (this.tallies.size === 0) this.issues.fail({ message: "the file is empty (no result lines)" });
    const problems: ProblemInput[] = [];
    const results = [];
    for (const [taskId, tally] of this.tallies) {
      problems.push({
        externalId: taskId,
        title: null,
        difficulty: "unknown",
        platform: null,
        contestDate: null,
      });
      results.push(tally.toResult(taskId));
    }
    return {
      format: "human-eval",
      file: this.file,
      problems,
      checkpoints: [{ alpha: null, results }],
      notes: ["human-eval files carry no difficulty or runtime: every problem is 'unknown'"],
    };
  }
}

/** Parses a whole human-eval results text; see {@link HumanEvalParser}. */
export function parseHumanEval(text: string, file: string): ParsedRun {
  return parseLines(new HumanEvalParser(file), text);
}
