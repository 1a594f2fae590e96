import type { ProblemInput } from "../domain/sweepInput";
import { IssueCollector } from "./issues";
import { type JsonText, parseJsonDocument } from "./jsonDocument";
import { childPath } from "./jsonPath";
import type { LcbProblemList } from "./lcbProblemList";
import { decodeLcbMetadata, gradeLcbSample, LCB_ERROR_VERDICTS } from "./lcbSample";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";
import { describeValue, isRecord } from "./values";

/**
 * Parses an lcb_runner `_eval.json` (`[metrics, results, metadata]`). `results["i"]` holds, per
 * sample, the per-test outcomes (`true`, `false` = wrong answer, or an error code −1…−5, the
 * failing test last); `metadata[i]` the per-sample JSON strings. A sample passes when every test
 * is `true`; a failure takes the metadata `error_code` (the grader's own verdict, which also covers
 * −5 test-runner errors whose test list is a placeholder), else the first non-true test.
 * The file has no problem ids: `join` (a generation file or `_eval_all.json`) supplies them by
 * index; without it ids are the indices and difficulty is unknown.
 */
export function parseLcbEval(text: JsonText, file: string, join?: LcbProblemList): ParsedRun {
  const issues = new IssueCollector(file);
  const doc = parseJsonDocument(text, file);
  if (!Array.isArray(doc) || doc.length !== 3) {
    return issues.fail({ path: "$", message: "expected a [metrics, results, metadata] array" });
  }
  const [, results, metadata] = doc;
  if (!isRecord(results)) {
    return issues.fail({
      path: "$[1]",
      message: `expected the results object, got ${describeValue(results)}`,
    });
  }
  if (!Array.isArray(metadata)) {
    return issues.fail({
      path: "$[2]",
      message: `expected the metadata array, got ${describeValue(metadata)}`,
    });
  }
  const count = metadata.length;
  if (count === 0) return issues.fail({ path: "$[2]", message: "the file lists no problems" });
  if (Object.keys(results).length !== count) {
    issues.fail({
      path: "$[1]",
      message: `has ${Object.keys(results).length} problems but metadata ($[2]) has ${count}`,
    });
  }
  if (join && join.problems.length !== count) {
    issues.fail({
      path: "$[2]",
      message: `has ${count} problems but ${join.file} lists ${join.problems.length}: not the matching problem list`,
    });
  }
  const problems: ProblemInput[] = join ? join.problems : indexProblems(count);
  const rows = [];
  for (let i = 0; i < count; i++) {
    const tally = tallyProblem(i, results[String(i)], metadata[i], join, issues);
    if (tally) rows.push(tally.toResult(problems[i].externalId));
  }
  issues.throwIfAny();
  const notes = join
    ? [`problem ids and difficulties joined by index from ${join.file}`]
    : [`no problem list given: problem ids are the indices 0…${count - 1} and difficulty is unknown`];
  return { format: "lcb-eval", file, problems, checkpoints: [{ alpha: null, results: rows }], notes };
}

function indexProblems(count: number): ProblemInput[] {
  return Array.from({ length: count }, (_, i) => ({
    externalId: String(i),
    title: null,
    difficulty: "unknown",
    platform: null,
    contestDate: null,
  }));
}

function tallyProblem(
  index: number,
  tests: unknown,
  metadata: unknown,
  join: LcbProblemList | undefined,
  issues: IssueCollector,
): SampleTally | null {
  const resultsPath = childPath("$[1]", String(index));
  const metadataPath = childPath("$[2]", index);
  if (!Array.isArray(tests)) {
    issues.add({
      path: resultsPath,
      message: `expected one per-test list per sample, got ${describeValue(tests)}`,
    });
    return null;
  }
  if (!Array.isArray(metadata)) {
    issues.add({
      path: metadataPath,
      message: `expected one JSON string per sample, got ${describeValue(metadata)}`,
    });
    return null;
  }
  if (tests.length === 0) {
    issues.add({ path: resultsPath, message: "has no samples" });
    return null;
  }
  if (metadata.length !== tests.length) {
    issues.add({
      path: metadataPath,
      message: `has ${metadata.length} entries but results has ${tests.length} samples`,
    });
    return null;
  }
  const graded = join?.graded[index] ?? null;
  if (graded && graded.length !== tests.length) {
    issues.add({
      path: resultsPath,
      message: `has ${tests.length} samples but graded_list of ${join?.file} has ${graded.length}: not the matching problem list`,
    });
    return null;
  }
  const tally = new SampleTally();
  for (let s = 0; s < tests.length; s++) {
    const samplePath = childPath(resultsPath, s);
    const testResults = readTestResults(tests[s], samplePath, issues);
    if (!testResults) return null;
    const passed = testResults.length > 0 && testResults.every((t) => t === true);
    if (graded && graded[s] !== passed) {
      issues.add({
        path: samplePath,
        message: `${passed ? "passes" : "fails"} here but graded_list of ${join?.file} says ${String(graded[s])}: not the matching problem list`,
      });
      return null;
    }
    const firstFailure = testResults.find((t) => t !== true);
    const fallbackCode =
      firstFailure === undefined ? null : firstFailure === false ? -2 : (firstFailure as number);
    const decoded = decodeLcbMetadata(metadata[s]);
    const outcome = decoded.ok ? gradeLcbSample(passed, decoded.value, fallbackCode) : decoded;
    if (!outcome.ok) {
      issues.add({ path: childPath(metadataPath, s), field: "metadata", message: outcome.message });
      return null;
    }
    tally.add(outcome.verdict, outcome.runtimeMs);
  }
  return tally;
}

function readTestResults(value: unknown, path: string, issues: IssueCollector): (boolean | number)[] | null {
  if (!Array.isArray(value)) {
    issues.add({ path, message: `expected a list of per-test results, got ${describeValue(value)}` });
    return null;
  }
  for (let t = 0; t < value.length; t++) {
    const result = value[t];
    if (typeof result === "boolean" || (typeof result === "number" && LCB_ERROR_VERDICTS.has(result)))
      continue;
    issues.add({
      path: childPath(path, t),
      message: `unknown per-test result ${describeValue(result)} (expected true, false or −1 … −5)`,
    });
    return null;
  }
  return value as (boolean | number)[];
}
