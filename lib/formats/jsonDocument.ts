import { IssueCollector } from "./issues";
import { findDuplicateKey } from "./jsonKeys";
import type { PrunedJson } from "./jsonPrune";
import { findJsonSyntaxError, lineAndColumn } from "./jsonSyntax";

/** A JSON document's text: whole, or pruned as it streamed in (positions map back to the file). */
export type JsonText = string | PrunedJson;

/**
 * Parses a whole JSON document; on a syntax error, or a key given twice in one object (JSON.parse
 * would keep the last value without a word), throws an ImportValidationError naming the file, line
 * and column (of the original file, for a pruned text), and for a duplicate key its JSON path.
 */
export function parseJsonDocument(document: JsonText, file: string): unknown {
  const text = typeof document === "string" ? document : document.text;
  const position = (offset: number) =>
    typeof document === "string" ? lineAndColumn(text, offset) : document.position(offset);
  const issues = new IssueCollector(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const found = findJsonSyntaxError(text);
    if (!found) return issues.fail({ message: `malformed JSON: ${error.message}` });
    return issues.fail({
      ...position(found.offset),
      message: `malformed JSON: ${found.message}`,
    });
  }
  const duplicate = findDuplicateKey(text, value);
  if (!duplicate) return value;
  const first = position(duplicate.firstOffset);
  return issues.fail({
    ...position(duplicate.offset),
    path: duplicate.path,
    field: duplicate.key,
    message: `duplicate key ${JSON.stringify(duplicate.key)} (first at line ${first.line}, column ${first.column}): give each key once`,
  });
}
