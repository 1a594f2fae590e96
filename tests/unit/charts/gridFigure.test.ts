import { describe, expect, it } from "vitest";
import { GRID_FIGURE_SPACING, gridFigureLayout } from "@/lib/charts/gridFigure";

const { header, rowLabel, gap } = GRID_FIGURE_SPACING;

describe("gridFigureLayout", () => {
  it("places panels by row and column, each column as wide as its widest cell", () => {
    const layout = gridFigureLayout(
      ["Pure reasoning", "Agentic coding"],
      ["7B", "32B"],
      [
        { row: 0, column: 0, width: 300, height: 200 },
        { row: 0, column: 1, width: 320, height: 210 },
        { row: 1, column: 0, width: 280, height: 190 },
        { row: 1, column: 1, width: 320, height: 200 },
      ],
    );
    expect(layout.panels).toEqual([
      { x: rowLabel, y: header },
      { x: rowLabel + 300 + gap, y: header },
      { x: rowLabel, y: header + 210 + gap },
      { x: rowLabel + 300 + gap, y: header + 210 + gap },
    ]);
    expect(layout.width).toBe(rowLabel + 300 + gap + 320);
    expect(layout.height).toBe(header + 210 + gap + 200);
    expect(layout.columnLabels.map((label) => [label.text, label.x])).toEqual([
      ["Pure reasoning", rowLabel + 150],
      ["Agentic coding", rowLabel + 300 + gap + 160],
    ]);
    expect(layout.rowLabels.map((label) => [label.text, label.y])).toEqual([
      ["7B", header + 105],
      ["32B", header + 210 + gap + 100],
    ]);
  });

  it("puts two panels of one cell side by side and leaves an empty cell empty", () => {
    const layout = gridFigureLayout(
      ["Tool use", "Agentic coding"],
      ["7B"],
      [
        { row: 0, column: 0, width: 100, height: 50 },
        { row: 0, column: 0, width: 120, height: 60 },
      ],
    );
    expect(layout.panels).toEqual([
      { x: rowLabel, y: header },
      { x: rowLabel + 100 + gap, y: header },
    ]);
    expect(layout.width).toBe(rowLabel + 100 + gap + 120 + gap + 0);
    expect(layout.height).toBe(header + 60);
  });
});
