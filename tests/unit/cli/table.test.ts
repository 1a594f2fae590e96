import { describe, expect, it } from "vitest";
import { percent, renderTable } from "@/lib/cli/table";

describe("renderTable", () => {
  it("left-aligns text, right-aligns numeric columns and draws a rule under the header", () => {
    const text = renderTable(
      ["α", "kind", "problems"],
      [
        ["−0.25", "extrapolated", 420],
        ["1", "endpoint", 7],
      ],
    );
    expect(text.split("\n")).toEqual([
      "α      kind          problems",
      "─────  ────────────  ────────",
      "−0.25  extrapolated       420",
      "1      endpoint             7",
    ]);
  });
});

describe("percent", () => {
  it("prints shares with one decimal and a dash for missing values", () => {
    expect(percent(305 / 1055)).toBe("28.9%");
    expect(percent(null)).toBe("—");
    expect(percent(Number.NaN)).toBe("—");
  });
});
