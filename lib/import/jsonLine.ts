import type { IssueCollector } from "./issues";
import { findJsonSyntaxError } from "./jsonSyntax";
import { describeValue, isRecord } from "./values";

/**
 * Parses one JSONL line that must hold a JSON object; reports a syntax error with its column,
 * or a non-object value, and returns null then.
 */
export function parseJsonObjectLine(
  line: string,
  lineNumber: number,
  issues: IssueCollector,
): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    const found = findJsonSyntaxError(line);
    issues.add({
      line: lineNumber,
      column: found?.column,
      message: `malformed JSON: ${found?.message ?? "invalid JSON"}`,
    });
    return null;
  }
  if (isRecord(value)) return value;
  issues.add({ line: lineNumber, message: `expected a JSON object, got ${describeValue(value)}` });
  return null;
}

/** True for a line with only whitespace, which line formats skip. */
export function isBlankLine(line: string): boolean {
  return line.trim().length === 0;
}
