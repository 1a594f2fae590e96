import { IssueCollector } from "./issues";
import { findJsonSyntaxError } from "./jsonSyntax";

/**
 * Parses a whole JSON document; on a syntax error throws an ImportValidationError naming the
 * file, line and column of the first error.
 */
export function parseJsonDocument(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    const found = findJsonSyntaxError(text);
    const issues = new IssueCollector(file);
    if (!found) return issues.fail({ message: `malformed JSON: ${error.message}` });
    return issues.fail({
      line: found.line,
      column: found.column,
      message: `malformed JSON: ${found.message}`,
    });
  }
}
