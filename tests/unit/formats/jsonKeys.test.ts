import { describe, expect, it } from "vitest";
import { findDuplicateKey } from "@/lib/formats/jsonKeys";

const duplicateIn = (text: string) => findDuplicateKey(text, JSON.parse(text));

describe("findDuplicateKey", () => {
  it.each([
    '{"a": 1, "b": {"a": 2}}',
    '[{"a": 1}, {"a": 2}]',
    '{"s": "a: \\"b\\": c", "t": ":"}',
    '{"x\\\\": 1, "x": 2}',
    '"just: a string"',
    "[1, 2, 3]",
  ])("finds none in %s (same keys in different objects, colons and quotes in strings)", (text) => {
    expect(duplicateIn(text)).toBeNull();
  });

  it.each([
    ['{"alpha": 0.5, "n": 1, "alpha": 1.5}', "alpha", "$.alpha", 23, 1],
    ['[{"q": 1}, {"x": {"y": [1, {"q": 1, "q" :2}]}}]', "q", "$[1].x.y[1].q", 36, 28],
    ['{"a\\u0062": 1, "ab": 2}', "ab", "$.ab", 15, 1],
    ['{"__proto__": 1, "__proto__": 2}', "__proto__", "$.__proto__", 17, 1],
    ['{"eval": {"HumanEval/0": [], "HumanEval/0": []}}', "HumanEval/0", '$.eval["HumanEval/0"]', 29, 10],
  ])("finds %s: key %s at %s (offsets %i, first %i)", (text, key, path, offset, firstOffset) => {
    expect(duplicateIn(text)).toEqual({ key, path, offset, firstOffset });
  });

  it("finds a duplicate under deep nesting without overflowing the stack", () => {
    const text = `${"[".repeat(100_000)}{"k": 1, "k": 2}${"]".repeat(100_000)}`;
    expect(duplicateIn(text)).toMatchObject({ key: "k", offset: 100_009, firstOffset: 100_001 });
  });
});
