import type { ProblemInput, ResultInput } from "../domain/sweepInput";
import { ImportValidationError, IssueCollector } from "./issues";
import { type JsonText, parseJsonDocument } from "./jsonDocument";
import { findDuplicateKey } from "./jsonKeys";
import { childPath } from "./jsonPath";
import type { PrunedElement } from "./jsonPrune";
import { readLcbEntries, readLcbProblem } from "./lcbProblems";
import { decodeLcbMetadata, gradeLcbSample } from "./lcbSample";
import type { ParsedRun } from "./run";
import { SampleTally } from "./sampleTally";
import { describeValue, isRecord } from "./values";

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

/**
 * Thrown by {@link LcbEvalAllStream} at anything {@link parseLcbEvalAll} would refuse or that it does
 * not handle element by element: the caller reads the file again with parseLcbEvalAll, whose errors
 * (line and column, JSON path, every issue) are the ones to report.
 */
export class NotStreamableError extends Error {
  constructor() {
    super("the document is not a valid _eval_all.json read element by element; read it whole");
    this.name = "NotStreamableError";
  }
}

/** JSON whitespace (not JavaScript's \s, which also takes other spaces). */
const OPENING = /^[ \t\n\r]*\[[ \t\n\r]*$/;
const BETWEEN = /^[ \t\n\r]*,[ \t\n\r]*$/;
const CLOSING = /^[ \t\n\r]*\][ \t\n\r]*$/;

/**
 * {@link parseLcbEvalAll} one problem at a time, from the elements of the pruned top-level array
 * ({@link JsonPruner} with splitElements) as the file streams in, so memory holds one problem's
 * verdicts, not the document's (about 130 MB of text and tree for a paper-scale file: two parse
 * threads each holding one did not fit the 400 MB an import may take). It gives the same run for every
 * file parseLcbEvalAll accepts: the document is valid JSON when the text between elements is a
 * bracket or a comma and each element is; every check of the whole parse runs per element. At
 * anything else it throws {@link NotStreamableError}, before its caller has written a row.
 */
export class LcbEvalAllStream {
  private readonly problems: ProblemInput[] = [];
  private readonly results: ResultInput[] = [];
  private readonly seen = new Set<string>();

  constructor(private readonly file: string) {}

  element({ before, text }: PrunedElement): void {
    const index = this.problems.length;
    if (!(index === 0 ? OPENING : BETWEEN).test(before)) throw new NotStreamableError();
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch {
      throw new NotStreamableError();
    }
    if (!isRecord(entry) || findDuplicateKey(text, entry) !== null) throw new NotStreamableError();
    const path = childPath("$", index);
    const issues = new IssueCollector(this.file);
    try {
      const problem = readLcbProblem(entry, path, issues);
      const tally = problem && tallyEntry(entry, path, issues);
      if (!problem || !tally || issues.count > 0 || this.seen.has(problem.externalId))
        throw new NotStreamableError();
      this.seen.add(problem.externalId);
      this.problems.push(problem);
      this.results.push(tally.toResult(problem.externalId));
    } catch (error) {
      throw error instanceof ImportValidationError ? new NotStreamableError() : error;
    }
  }

  /** The run, given the text after the last element. */
  end(after: string): ParsedRun {
    if (this.problems.length === 0 || !CLOSING.test(after)) throw new NotStreamableError();
    return {
      format: "lcb-eval-all",
      file: this.file,
      problems: this.problems,
      checkpoints: [{ alpha: null, results: this.results }],
      notes: [],
    };
  }
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
