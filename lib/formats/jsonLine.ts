import type { IssueCollector } from "./issues";
import { findDuplicateKey } from "./jsonKeys";
import { childPath } from "./jsonPath";
import { findJsonSyntaxError } from "./jsonSyntax";
import { describeValue, isRecord } from "./values";

/**
 * Parses one JSONL line that must hold a JSON object; reports a syntax error with its column, a
 * key given twice in one object (JSON.parse would keep the last value without a word), or a
 * non-object value, and returns null then.
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
  if (!isRecord(value)) {
    issues.add({ line: lineNumber, message: `expected a JSON object, got ${describeValue(value)}` });
    return null;
  }
  const duplicate = findDuplicateKey(line, value);
  if (!duplicate) return value;
  const { key, path } = duplicate;
  issues.add({
    line: lineNumber,
    column: duplicate.offset + 1,
    // A key of the line's object is a field; a nested one is named by its path.
    path: path === childPath("$", key) ? undefined : path,
    field: key,
    message: `duplicate key ${JSON.stringify(key)} (first at column ${duplicate.firstOffset + 1}): give each key once`,
  });
  return null;
}

/** True for a line with only whitespace, which line formats skip. */
export function isBlankLine(line: string): boolean {
  return line.trim().length === 0;
}
