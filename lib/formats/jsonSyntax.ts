/** Where and why a text is not valid JSON. Line and column are 1-based. */
export interface JsonSyntaxError {
  offset: number;
  line: number;
  column: number;
  message: string;
}

type Expect = "value" | "arrayFirst" | "objectFirst" | "key" | "after";

const ARRAY = 0;
const OBJECT = 1;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);
const HEX4 = /^[0-9a-fA-F]{4}$/;

class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Finds the first syntax error of a text that `JSON.parse` rejected, with a message and position
 * that do not depend on the JavaScript engine (V8 sometimes gives no position at all). Iterative,
 * so deep nesting cannot overflow the stack. Returns null when the text is valid JSON.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  try {
    scan(text);
    return null;
  } catch (error) {
    if (!(error instanceof SyntaxFailure)) throw error;
    return { ...lineAndColumn(text, error.offset), offset: error.offset, message: error.message };
  }
}

function scan(text: string): void {
  const stack: number[] = [];
  let expect: Expect = "value";
  let i = skipSpace(text, 0);
  for (;;) {
    if (expect === "after") {
      if (stack.length === 0) {
        if (i < text.length) throw new SyntaxFailure(i, "unexpected content after the end of the JSON value");
        return;
      }
      const top = stack[stack.length - 1];
      const close = top === ARRAY ? "]" : "}";
      if (i >= text.length) throw new SyntaxFailure(i, `unexpected end of input: missing '${close}'`);
      const c = text[i];
      if (c === ",") {
        expect = top === ARRAY ? "value" : "key";
        i = skipSpace(text, i + 1);
      } else if (c === close) {
        stack.pop();
        i = skipSpace(text, i + 1);
      } else {
        throw new SyntaxFailure(i, `expected ',' or '${close}' but found ${quoteChar(c)}`);
      }
      continue;
    }
    if (i >= text.length) throw new SyntaxFailure(i, "unexpected end of input: a value is missing");
    const c = text[i];
    if ((expect === "arrayFirst" && c === "]") || (expect === "objectFirst" && c === "}")) {
      stack.pop();
      expect = "after";
      i = skipSpace(text, i + 1);
      continue;
    }
    if (expect === "key" || expect === "objectFirst") {
      if (c !== '"')
        throw new SyntaxFailure(i, `expected a double-quoted property name but found ${quoteChar(c)}`);
      i = skipSpace(text, scanString(text, i));
      if (text[i] !== ":") throw new SyntaxFailure(i, "expected ':' after the property name");
      i = skipSpace(text, i + 1);
      expect = "value";
      continue;
    }
    if (c === "{" || c === "[") {
      stack.push(c === "{" ? OBJECT : ARRAY);
      expect = c === "{" ? "objectFirst" : "arrayFirst";
      i = skipSpace(text, i + 1);
    } else {
      expect = "after";
      i = skipSpace(text, scanScalar(text, i));
    }
  }
}

/** Consumes one string, number or literal starting at `i`; returns the offset after it. */
function scanScalar(text: string, i: number): number {
  const c = text[i];
  if (c === '"') return scanString(text, i);
  for (const literal of ["true", "false", "null"]) {
    if (text.startsWith(literal, i)) return i + literal.length;
  }
  for (const bad of ["NaN", "Infinity", "-Infinity"]) {
    if (text.startsWith(bad, i))
      throw new SyntaxFailure(i, `${bad} is not valid JSON (numbers must be finite)`);
  }
  if (c === "-" || (c >= "0" && c <= "9")) {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    const end = match ? i + match[0].length : i;
    if (!match || match[0] === "-" || /[0-9.eE+-]/.test(text[end] ?? "")) {
      throw new SyntaxFailure(i, "invalid number");
    }
    return end;
  }
  throw new SyntaxFailure(i, `unexpected ${quoteChar(c)}`);
}

function scanString(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '"') return i + 1;
    if (c === "\\") {
      const next = text[i + 1];
      if (next === "u") {
        if (!HEX4.test(text.slice(i + 2, i + 6))) throw new SyntaxFailure(i, "invalid \\u escape in string");
        i += 5;
      } else if (next !== undefined && ESCAPES.has(next)) {
        i++;
      } else {
        throw new SyntaxFailure(i, "invalid escape in string");
      }
    } else if (c.charCodeAt(0) < 0x20) {
      throw new SyntaxFailure(i, "unescaped control character (e.g. a line break) in string");
    }
  }
  throw new SyntaxFailure(start, "unterminated string");
}

function skipSpace(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text[j];
    if (c !== " " && c !== "\n" && c !== "\r" && c !== "\t") break;
    j++;
  }
  return j;
}

function quoteChar(c: string): string {
  return `'${c}'`;
}

/** The 1-based line and column of an offset of `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
