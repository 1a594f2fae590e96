import { printable } from "./values";

/** One problem found in an input file, located as precisely as the format allows. */
export interface ImportIssue {
  file: string;
  /** 1-based line number (line formats, JSON syntax errors, manifests). */
  line?: number;
  /** 1-based column, when known (JSON syntax errors). */
  column?: number;
  /** JSON path of the offending value inside a JSON document, e.g. `$[12].graded_list`. */
  path?: string;
  /** The field (key or CSV column) at fault. */
  field?: string;
  message: string;
}

/** How many issues are collected before parsing stops. */
export const MAX_ISSUES = 20;

/**
 * One issue as a line of text: `file:line[:column]: path-or-field: message`, e.g.
 * `run.jsonl:12: pass: must be a non-negative integer, got -1` or
 * `x_eval_all.json: $[3].metadata[0]: not valid JSON (…)`.
 */
export function formatIssue(issue: ImportIssue): string {
  let where = issue.file;
  if (issue.line !== undefined) {
    where += `:${issue.line}`;
    if (issue.column !== undefined) where += `:${issue.column}`;
  }
  const parts = [where];
  if (issue.path !== undefined) parts.push(issue.path);
  else if (issue.field !== undefined) parts.push(issue.field);
  parts.push(issue.message);
  return parts.join(": ");
}

/** The one error every import validation failure throws: a list of located issues. */
export class ImportValidationError extends Error {
  readonly issues: readonly ImportIssue[];
  /** True when parsing stopped at {@link MAX_ISSUES}; more issues may exist. */
  readonly truncated: boolean;

  constructor(issues: readonly ImportIssue[], truncated = false) {
    const shown = issues.map(printableIssue);
    super(formatIssues(shown, truncated));
    this.name = "ImportValidationError";
    this.issues = shown;
    this.truncated = truncated;
  }

  /** All issues, one per line, as {@link formatIssue} prints them. */
  format(): string {
    return formatIssues(this.issues, this.truncated);
  }
}

/**
 * Longest file name, JSON path or field shown: keys, column names and upload names come from the
 * input and may be anything.
 */
const MAX_SHOWN = 300;

/** An issue whose file, path and field print on one line at a bounded length. */
function printableIssue(issue: ImportIssue): ImportIssue {
  const shown = { ...issue, file: printable(issue.file, MAX_SHOWN) };
  if (issue.path !== undefined) shown.path = printable(issue.path, MAX_SHOWN);
  if (issue.field !== undefined) shown.field = printable(issue.field, MAX_SHOWN);
  return shown;
}

function formatIssues(issues: readonly ImportIssue[], truncated: boolean): string {
  const lines = issues.map(formatIssue);
  if (truncated) lines.push(`(stopped after ${issues.length} issues; there may be more)`);
  return lines.join("\n");
}

/** Shorthand for throwing a single issue. */
export function importError(issue: ImportIssue): ImportValidationError {
  return new ImportValidationError([issue]);
}

/**
 * Gathers issues for one file so a user sees several at once. Adding the {@link MAX_ISSUES}-th
 * issue throws immediately, so a badly broken large file is not scanned to the end.
 */
export class IssueCollector {
  readonly file: string;
  private readonly issues: ImportIssue[] = [];
  private readonly limit: number;

  constructor(file: string, limit = MAX_ISSUES) {
    this.file = file;
    this.limit = limit;
  }

  get count(): number {
    return this.issues.length;
  }

  add(issue: Omit<ImportIssue, "file">): void {
    this.issues.push({ file: this.file, ...issue });
    if (this.issues.length >= this.limit) throw new ImportValidationError(this.issues, true);
  }

  /** Adds the issue and throws at once with everything collected so far. */
  fail(issue: Omit<ImportIssue, "file">): never {
    this.issues.push({ file: this.file, ...issue });
    throw new ImportValidationError(this.issues, this.issues.length >= this.limit);
  }

  /** Throws when any issue was collected. */
  throwIfAny(): void {
    if (this.issues.length > 0) throw new ImportValidationError(this.issues);
  }
}
