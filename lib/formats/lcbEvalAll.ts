import { IssueCollector } from "./issues";
import { type JsonText, parseJsonDocument } from "./jsonDocument";
import { childPath } from "./jsonPath";
import { readLcbEntries } from "./lcbProblems";
import { decodeLcbMetadata, gradeLcbSample } from "./lcbSample";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";
import { describeValue } from "./values";

/**
 * Parses an lcb_runner `_eval_all.json`: one object per problem with `graded_list` (a boolean per
 * sample) and `metadata` (a JSON string per sample giving the error code or the pass runtime).
 * Reads both grader generations (2024: −1 compile error, `{}` for a pass; 2025: −5 → other).
 */
export function parseLcbEvalAll(text: JsonText, file: string): ParsedRun {
  const issues = new IssueCollector(file);
  const entries = readLcbEntries(parseJsonDocument(text, file), issues);
  const results = [];
  for (const { path, entry, problem } of entries) {
    const tally = tallyEntry(entry, path, issues);
    if (tally) results.push(tally.toResult(problem.externalId));
  }
  issues.throwIfAny();
  return {
    format: "lcb-eval-all",
    file,
    problems: entries.map((e) => e.problem),
    checkpoints: [{ alpha: null, results }],
    notes: [],
  };
}

function tallyEntry(
  entry: Record<string, unknown>,
  path: string,
  issues: IssueCollector,
): SampleTally | null {
  const graded = entry.graded_list;
  const metadata = entry.metadata;
  if (!Array.isArray(graded)) {
    issues.add({
      path: childPath(path, "graded_list"),
      field: "graded_list",
      message: `expected an array of booleans, got ${describeValue(graded)}`,
    });
    return null;
  }
  if (!Array.isArray(metadata)) {
    issues.add({
      path: childPath(path, "metadata"),
      field: "metadata",
      message: `expected an array of JSON strings, got ${describeValue(metadata)}`,
    });
    return null;
  }
  if (graded.length === 0) {
    issues.add({ path: childPath(path, "graded_list"), field: "graded_list", message: "has no samples" });
    return null;
  }
  if (metadata.length !== graded.length) {
    issues.add({
      path: childPath(path, "metadata"),
      field: "metadata",
      message: `has ${metadata.length} entries but graded_list has ${graded.length}`,
    });
    return null;
  }
  const codes = entry.code_list;
  if (Array.isArray(codes) && codes.length !== graded.length) {
    issues.add({
      path: childPath(path, "code_list"),
      field: "code_list",
      message: `has ${codes.length} entries but graded_list has ${graded.length}`,
    });
    return null;
  }
  const tally = new SampleTally();
  for (let s = 0; s < graded.length; s++) {
    const passed = graded[s];
    if (typeof passed !== "boolean") {
      const gradedPath = childPath(childPath(path, "graded_list"), s);
      issues.add({
        path: gradedPath,
        field: "graded_list",
        message: `expected a boolean, got ${describeValue(passed)}`,
      });
      return null;
    }
    const samplePath = childPath(childPath(path, "metadata"), s);
    const decoded = decodeLcbMetadata(metadata[s]);
    const outcome = decoded.ok ? gradeLcbSample(passed, decoded.value) : decoded;
    if (!outcome.ok) {
      issues.add({ path: samplePath, field: "metadata", message: outcome.message });
      return null;
    }
    tally.add(outcome.verdict, outcome.runtimeMs);
  }
  return tally;
}
