import { isDifficulty } from "../domain/difficulty";
import type { ProblemInput } from "../domain/sweepInput";
import type { IssueCollector } from "./issues";
import { childPath } from "./jsonPath";
import { describeValue, isIsoDate, isRecord } from "./values";

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
    const problem = readProblem(entry, path, issues);
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

function readProblem(
  entry: Record<string, unknown>,
  path: string,
  issues: IssueCollector,
): ProblemInput | null {
  const id = entry.question_id;
  if (typeof id !== "string" || id === "") {
    issues.add({
      path: childPath(path, "question_id"),
      field: "question_id",
      message: `expected a non-empty string, got ${describeValue(id)}`,
    });
    return null;
  }
  const title = optionalString(entry, "question_title", path, issues);
  const platform = optionalString(entry, "platform", path, issues);
  let contestDate = optionalString(entry, "contest_date", path, issues);
  if (contestDate !== null && !isIsoDate(contestDate)) {
    issues.add({
      path: childPath(path, "contest_date"),
      field: "contest_date",
      message: `expected an ISO date, got ${describeValue(contestDate)}`,
    });
    contestDate = null;
  }
  const difficulty = entry.difficulty ?? "unknown";
  if (!isDifficulty(difficulty)) {
    issues.add({
      path: childPath(path, "difficulty"),
      field: "difficulty",
      message: `expected easy, medium or hard, got ${describeValue(difficulty)}`,
    });
    return null;
  }
  return { externalId: id, title, difficulty, platform, contestDate };
}

function optionalString(
  entry: Record<string, unknown>,
  key: string,
  path: string,
  issues: IssueCollector,
): string | null {
  const value = entry[key];
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value;
  issues.add({
    path: childPath(path, key),
    field: key,
    message: `expected a string, got ${describeValue(value)}`,
  });
  return null;
}
