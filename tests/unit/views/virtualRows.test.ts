import { describe, expect, it } from "vitest";
import { firstRowsWindow, rowWindow } from "@/lib/views/virtualRows";

describe("the rows a virtualized table renders", () => {
  it("puts spacers for the rows above and below the rendered ones, counted from the list's start", () => {
    // A list starting 300 px down the page, rows 3–5 rendered, 10 rows of 50 px.
    const rows = [3, 4, 5].map((index) => ({ index, start: 300 + index * 50, end: 350 + index * 50 }));
    expect(rowWindow(rows, 500, 300)).toEqual({ indexes: [3, 4, 5], above: 150, below: 200 });
  });

  it("needs no spacer when every row is rendered, and is all spacer when none is", () => {
    const rows = [0, 1].map((index) => ({ index, start: 80 + index * 40, end: 120 + index * 40 }));
    expect(rowWindow(rows, 80, 80)).toEqual({ indexes: [0, 1], above: 0, below: 0 });
    expect(rowWindow([], 400, 80)).toEqual({ indexes: [], above: 0, below: 400 });
  });

  it("renders a screen of rows and the overscan first, the rest estimated", () => {
    // 720 / 59 → 13 rows reach the bottom of the window, 5 more below it.
    expect(firstRowsWindow(50, 720, 59, 5)).toEqual({
      indexes: Array.from({ length: 18 }, (_, index) => index),
      above: 0,
      below: 32 * 59,
    });
    expect(firstRowsWindow(3, 720, 59, 5)).toEqual({ indexes: [0, 1, 2], above: 0, below: 0 });
  });
});
