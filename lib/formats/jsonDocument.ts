import { IssueCollector } from "./issues";
import { findDuplicateKey } from "./jsonKeys";
import { findJsonSyntaxError, lineAndColumn } from "./jsonSyntax";

/**
 * Parses a whole JSON document; on a syntax error, or a key given twice in one object (JSON.parse
 * would keep the last value without a word), throws an ImportValidationError naming the file, line
 * and column, and for a duplicate key its JSON path.
 */
export function parseJsonDocument(text: string, file: string): unknown {
  const issues = new IssueCollector(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const found = findJsonSyntaxError(text);
    if (!found) return issues.fail({ message: `malformed JSON: ${error.message}` });
    return issues.fail({
      line: found.line,
      column: found.column,
      message: `malformed JSON: ${found.message}`,
    });
  }
  const duplicate = findDuplicateKey(text, value);
  if (!duplicate) return value;
  const first = lineAndColumn(text, duplicate.firstOffset);
  return issues.fail({
    ...lineAndColumn(text, duplicate.offset),
    path: duplicate.path,
    field: duplicate.key,
    message: `duplicate key ${JSON.stringify(duplicate.key)} (first at line ${first.line}, column ${first.column}): give each key once`,
  });
}
