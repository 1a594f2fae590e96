import { describe, expect, it } from "vitest";
import { splitCsvLine } from "@/lib/formats/csvFields";

describe("splitCsvLine", () => {
  it.each([
    ["a,b,c", ["a", "b", "c"]],
    ["a,,", ["a", "", ""]],
    ['"F - Anti, DDoS",8', ["F - Anti, DDoS", "8"]],
    ['"say ""hi""",x', ['say "hi"', "x"]],
    ['x,""', ["x", ""]],
  ])("%j", (line, fields) => {
    expect(splitCsvLine(line)).toEqual(fields);
  });

  it("returns null for a quote not closed on the line", () => {
    expect(splitCsvLine('p1,"Anti')).toBeNull();
  });
});
