import { describe, expect, it } from "vitest";
import { MAX_STORED_COUNT, TEXT_LIMITS } from "@/lib/formats/limits";
import { countFault, dateFault, readProblemId, textFault } from "@/lib/formats/storable";

describe("textFault", () => {
  it("passes text PostgreSQL stores as it is, emoji and accents included", () => {
    expect(textFault("abc301_a", "problemId")).toBeNull();
    expect(textFault("Café 😀 — F - Anti, DDoS", "title")).toBeNull();
    expect(textFault("p".repeat(TEXT_LIMITS.problemId), "problemId")).toBeNull();
  });

  it("counts characters, not UTF-16 units: 200 emoji are 200 characters", () => {
    expect(textFault("😀".repeat(200), "problemId")).toBeNull();
    expect(textFault("😀".repeat(201), "problemId")).toBe("is 201 characters long; at most 200 are allowed");
  });

  it("refuses a 3 MB problem id by its length, without echoing it", () => {
    expect(textFault("x".repeat(3 * 1024 * 1024), "problemId")).toBe(
      "is 3145728 characters long; at most 200 are allowed",
    );
  });

  it.each([
    ["p\u00001", "contains a NUL character (at character 2), which cannot be stored"],
    ["😀\u0000", "contains a NUL character (at character 2), which cannot be stored"],
    ["a\nb", "contains the control character U+000A at character 2"],
    ["a\u0085", "contains the control character U+0085 at character 2"],
    ["x\ud800", "is not valid Unicode: a lone surrogate U+D800 at character 2"],
    ["\udc00x", "is not valid Unicode: a lone surrogate U+DC00 at character 1"],
    ["\ude00\ud83d", "is not valid Unicode: a lone surrogate U+DE00 at character 1"],
    ["x\ufffe", "contains the Unicode noncharacter U+FFFE at character 2"],
    ["\uffff", "contains the Unicode noncharacter U+FFFF at character 1"],
    ["a\ufdd0", "contains the Unicode noncharacter U+FDD0 at character 2"],
    ["😀\u{1fffe}", "contains the Unicode noncharacter U+1FFFE at character 2"],
    ["\u{10ffff}", "contains the Unicode noncharacter U+10FFFF at character 1"],
  ])("refuses %j: %s", (text, message) => {
    expect(textFault(text, "problemId")).toBe(message);
  });

  it("lets a multi-line text keep tabs and line breaks, not a NUL", () => {
    expect(textFault("line one\r\n\tline two", "description", { multiline: true })).toBeNull();
    expect(textFault("a\u0000", "description", { multiline: true })).toMatch(/^contains a NUL character/);
    expect(textFault("a\n\uffff", "description", { multiline: true })).toBe(
      "contains the Unicode noncharacter U+FFFF at character 3",
    );
    expect(textFault("a\u001b[31m", "description", { multiline: true })).toBe(
      "contains the control character U+001B at character 2",
    );
  });
});

describe("dateFault", () => {
  it.each([
    "2024-02-29",
    "2000-02-29",
    "2023-08-21T00:00:00",
    "2023-08-21 23:59:59.123",
    "2023-08-21T12:30Z",
    "2023-08-21T12:30:00+05:30",
    "0001-01-01",
    "9999-12-31",
  ])("passes %s", (text) => {
    expect(dateFault(text)).toBeNull();
  });

  it.each([
    ["2024-02-30", '"2024-02-30" is not a day of the calendar'],
    ["2023-02-29", '"2023-02-29" is not a day of the calendar'],
    ["1900-02-29", '"1900-02-29" is not a day of the calendar'],
    ["2024-04-31", '"2024-04-31" is not a day of the calendar'],
    ["2024-00-10", '"2024-00-10" is not a day of the calendar'],
    ["0000-01-01", '"0000-01-01" is not a day of the calendar'],
    ["2024-01-01T24:00:00", '"2024-01-01T24:00:00" has no valid time of day'],
    ["2024-01-01T10:60", '"2024-01-01T10:60" has no valid time of day'],
    ["2024-01-01T10:00+25:00", '"2024-01-01T10:00+25:00" has no valid time of day'],
    ["2024-1-1", 'expected an ISO date (YYYY-MM-DD, optionally with a time), got the string "2024-1-1"'],
    ["yesterday", 'expected an ISO date (YYYY-MM-DD, optionally with a time), got the string "yesterday"'],
  ])("refuses %s: %s", (text, message) => {
    expect(dateFault(text)).toBe(message);
  });
});

describe("countFault", () => {
  it("passes counts up to PostgreSQL's integer and refuses the next one and 2^32 + 4", () => {
    expect(countFault(MAX_STORED_COUNT)).toBeNull();
    expect(countFault(MAX_STORED_COUNT + 1)).toBe(
      "is 2147483648, over 2147483647, the largest count that can be stored",
    );
    expect(countFault(2 ** 32 + 4)).toMatch(/^is 4294967300, over/);
  });
});

describe("readProblemId", () => {
  it("gives the id, or why it cannot be one", () => {
    expect(readProblemId("HumanEval/0")).toEqual({ id: "HumanEval/0", fault: null });
    expect(readProblemId("")).toEqual({ id: null, fault: 'expected a non-empty string, got the string ""' });
    expect(readProblemId(7)).toEqual({ id: null, fault: "expected a non-empty string, got the number 7" });
    expect(readProblemId("a\u0000")).toEqual({
      id: null,
      fault: "contains a NUL character (at character 2), which cannot be stored",
    });
  });
});
