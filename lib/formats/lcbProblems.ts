import { isDifficulty } from "../domain/difficulty";
import type { ProblemInput } from "../domain/sweepInput";
import type { IssueCollector } from "./issues";
import { childPath } from "./jsonPath";
import { dateFault, readProblemId, textFault } from "./storable";
import { describeValue, isRecord } from "./values";

/** One problem object of an lcb_runner list file (`_eval_all.json` or a generation file). */
export interface LcbEntry {
  path: string;
  entry: Record<string, unknown>;
  problem: ProblemInput;
}

/**
 * Reads the problem list of an lcb_runner `_eval_all.json` or generation file: a non-empty array
 * of objects with `question_id` and optional `question_title`, `platform`, `contest_date`,
 * `difficulty`. Entries with bad fields are reported to `issues` and left out.
 */
export function readLcbEntries(doc: unknown, issues: IssueCollector): LcbEntry[] {
  if (!Array.isArray(doc)) {
    return issues.fail({ path: "$", message: `expected an array of problems, got ${describeValue(doc)}` });
  }
  if (doc.length === 0) return issues.fail({ path: "$", message: "the file lists no problems" });
  const seen = new Map<string, number>();
  const entries: LcbEntry[] = [];
  doc.forEach((entry: unknown, index) => {
    const path = childPath("$", index);
    if (!isRecord(entry)) {
      issues.add({ path, message: `expected a problem object, got ${describeValue(entry)}` });
      return;
    }
    const problem = readLcbProblem(entry, path, issues);
    if (!problem) return;
    const first = seen.get(problem.externalId);
    if (first !== undefined) {
      issues.add({
        path: childPath(path, "question_id"),
        field: "question_id",
        message: `duplicate problem ${JSON.stringify(problem.externalId)} (first at $[${first}])`,
      });
      return;
    }
    seen.set(problem.externalId, index);
    entries.push({ path, entry, problem });
  });
  return entries;
}

/** The problem an lcb_runner entry describes; null (its faults reported) when a field is bad. */
export function readLcbProblem(
  entry: Record<string, unknown>,
  path: string,
  issues: IssueCollector,
): ProblemInput | null {
  const report = (key: string, message: string) =>
    issues.add({ path: childPath(path, key), field: key, message });
  const { id, fault } = readProblemId(entry.question_id);
  if (fault !== null) {
    report("question_id", fault);
    return null;
  }
  const title = optionalText(entry, "question_title", (text) => textFault(text, "title"), report);
  const platform = optionalText(entry, "platform", (text) => textFault(text, "platform"), report);
  const contestDate = optionalText(entry, "contest_date", dateFault, report);
  const difficulty = entry.difficulty ?? "unknown";
  if (!isDifficulty(difficulty)) {
    report("difficulty", `expected easy, medium or hard, got ${describeValue(difficulty)}`);
    return null;
  }
  if (title === undefined || platform === undefined || contestDate === undefined) return null;
  return { externalId: id, title, difficulty, platform, contestDate };
}

/** An optional string; undefined (reported) when it is not a string or `fault` finds it cannot be stored. */
function optionalText(
  entry: Record<string, unknown>,
  key: string,
  fault: (text: string) => string | null,
  report: (key: string, message: string) => void,
): string | null | undefined {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  if (typeof value !== "string") {
    report(key, `expected a string, got ${describeValue(value)}`);
    return undefined;
  }
  const message = fault(value);
  if (message !== null) {
    report(key, message);
    return undefined;
  }
  return value;
}
