import { describe, expect, it } from "vitest";
import { findJsonSyntaxError } from "@/lib/formats/jsonSyntax";

describe("findJsonSyntaxError", () => {
  it("returns null for valid JSON of every kind", () => {
    for (const text of ['{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]}', "[]", "{}", " 0 ", '"s"']) {
      expect(findJsonSyntaxError(text)).toBeNull();
    }
  });

  it.each([
    ['{"a": 1,\n "b": }', 2, 7, "unexpected '}'"],
    ["[1, 2", 1, 6, "unexpected end of input: missing ']'"],
    ['{"a" 1}', 1, 6, "expected ':' after the property name"],
    ["[01]", 1, 2, "invalid number"],
    ["[-]", 1, 2, "invalid number"],
    ['["a\nb"]', 1, 4, "unescaped control character (e.g. a line break) in string"],
    ['["\\x"]', 1, 3, "invalid escape in string"],
    ["[Infinity]", 1, 2, "Infinity is not valid JSON (numbers must be finite)"],
    ["[1] [2]", 1, 5, "unexpected content after the end of the JSON value"],
    ["{'a': 1}", 1, 2, "expected a double-quoted property name but found '''"],
  ])("%j → line %i column %i: %s", (text, line, column, message) => {
    expect(findJsonSyntaxError(text)).toMatchObject({ line, column, message });
  });

  it("copes with deep nesting without overflowing the stack", () => {
    const deep = `${"[".repeat(200_000)}x`;
    expect(findJsonSyntaxError(deep)).toMatchObject({ line: 1, column: 200_001, message: "unexpected 'x'" });
  });
});
