import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import { combineEvalPlusVerdicts, type EvalPlusTests } from "./evalplusStatus";
import { type EvalPlusTask, readCurrentTask, readEvalPerfTask, readLegacyTask } from "./evalplusTasks";
import { IssueCollector } from "./issues";
import { type JsonText, parseJsonDocument } from "./jsonDocument";
import { childPath } from "./jsonPath";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";
import { readProblemId } from "./storable";
import { describeValue, isRecord } from "./values";

type Schema = "current" | "legacy" | "evalperf";

/**
 * Parses an EvalPlus `eval_results.json` (current or legacy schema) or an EvalPerf
 * `evalperf_results.json`. `tests: "plus"` (default) passes a sample only if base and plus tests
 * pass; a base-only run falls back to base with a note. Problems are the task ids; EvalPlus has no
 * difficulty, so it is unknown.
 */
export function parseEvalPlus(text: JsonText, file: string, tests: EvalPlusTests = "plus"): ParsedRun {
  const issues = new IssueCollector(file);
  const doc = parseJsonDocument(text, file);
  const tasksValue = isRecord(doc) ? doc.eval : undefined;
  if (!isRecord(tasksValue)) {
    return issues.fail({
      path: "$.eval",
      field: "eval",
      message: `expected an object of tasks, got ${describeValue(tasksValue)}`,
    });
  }
  const taskIds = Object.keys(tasksValue);
  if (taskIds.length === 0)
    return issues.fail({ path: "$.eval", field: "eval", message: "the file lists no tasks" });
  const schema = detectSchema(tasksValue[taskIds[0]]);
  const tasks = new Map<string, EvalPlusTask>();
  for (const taskId of taskIds) {
    const path = childPath("$.eval", taskId);
    const { fault } = readProblemId(taskId);
    if (fault !== null) {
      issues.add({ path, field: "task_id", message: `task id: ${fault}` });
      continue;
    }
    const task = readTask(schema, taskId, tasksValue[taskId], path, issues);
    if (task) tasks.set(taskId, task);
  }
  issues.throwIfAny();
  const hasPlus = [...tasks.values()].some((t) => t.samples.some((s) => s.plus !== null));
  const usePlus = tests === "plus" && hasPlus;
  const results: ResultInput[] = [];
  for (const [taskId, task] of tasks) {
    const tally = new SampleTally();
    task.samples.forEach((sample, s) => {
      if (usePlus && sample.plus === null) {
        issues.add({
          path: childPath(childPath("$.eval", taskId), s),
          message: "has no plus result while other samples do",
        });
      }
      tally.add(usePlus ? combineEvalPlusVerdicts(sample.base, sample.plus) : sample.base);
    });
    results.push(tally.toResult(taskId, task.dpsNorm));
  }
  issues.throwIfAny();
  return {
    format: "evalplus",
    file,
    problems: taskIds.filter((id) => tasks.has(id)).map(taskProblem),
    checkpoints: [{ alpha: null, results }],
    notes: notes(schema, tests, hasPlus),
  };
}

function detectSchema(firstTask: unknown): Schema {
  if (Array.isArray(firstTask)) return "current";
  return isRecord(firstTask) && Array.isArray(firstTask.results) ? "evalperf" : "legacy";
}

function readTask(
  schema: Schema,
  taskId: string,
  value: unknown,
  path: string,
  issues: IssueCollector,
): EvalPlusTask | null {
  const task = readTaskOfSchema(schema, taskId, value, path, issues);
  if (task && task.samples.length === 0) {
    issues.add({ path, message: "has no samples" });
    return null;
  }
  return task;
}

function readTaskOfSchema(
  schema: Schema,
  taskId: string,
  value: unknown,
  path: string,
  issues: IssueCollector,
): EvalPlusTask | null {
  if (schema === "current" && Array.isArray(value)) return readCurrentTask(taskId, value, path, issues);
  if (schema === "legacy" && isRecord(value)) return readLegacyTask(value, path, issues);
  if (schema === "evalperf" && isRecord(value)) return readEvalPerfTask(value, path, issues);
  const expected = schema === "current" ? "a list of samples" : "a task object";
  issues.add({ path, message: `expected ${expected} (like the first task), got ${describeValue(value)}` });
  return null;
}

function taskProblem(taskId: string): ProblemInput {
  return { externalId: taskId, title: null, difficulty: "unknown", platform: null, contestDate: null };
}

function notes(schema: Schema, tests: EvalPlusTests, hasPlus: boolean): string[] {
  const result = ["EvalPlus files carry no difficulty: every problem is 'unknown'"];
  if (schema === "evalperf") {
    result.push(
      "EvalPerf records only pass or fail: failing samples are counted as 'other'; per-task DPS_norm kept",
    );
  } else if (tests === "plus" && !hasPlus) {
    result.push("base-only run (no plus results): verdicts come from the base tests");
  } else {
    result.push(
      tests === "plus"
        ? "a sample passes only if base and plus tests pass"
        : "verdicts from the base tests only",
    );
  }
  if (schema === "legacy") result.push("legacy EvalPlus schema (≤ 0.1)");
  return result;
}
