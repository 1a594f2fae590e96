import { describe, expect, it } from "vitest";
import { passRateStrip } from "../../../lib/charts/passRateStrip";
import { layoutVerdictBars } from "../../../lib/charts/verdictBarsLayout";

describe("the pass-rate strip", () => {
  it("gives every α an equal cell with its pass rate, null where the problem was not evaluated", () => {
    expect(passRateStrip([4, 0, 8, 2], [1, 0, 8, 0], 100)).toEqual([
      { x: 0, width: 24, rate: 0.25 },
      { x: 25, width: 24, rate: null },
      { x: 50, width: 24, rate: 1 },
      { x: 75, width: 24, rate: 0 },
    ]);
  });

  it("drops the gap between cells too narrow for one", () => {
    const cells = passRateStrip(new Array(41).fill(1), new Array(41).fill(0), 120);
    expect(cells[1]).toEqual({ x: 2.93, width: 2.93, rate: 0 });
  });
});

describe("one problem's verdict bars", () => {
  const layout = layoutVerdictBars(
    [
      {
        alpha: 0,
        n: 4,
        verdicts: { pass: 1, wrongAnswer: 2, timeLimit: 1, runtimeError: 0, compileError: 0, other: 0 },
      },
      {
        alpha: 1,
        n: 2,
        verdicts: { pass: 2, wrongAnswer: 0, timeLimit: 0, runtimeError: 0, compileError: 0, other: 0 },
      },
    ],
    400,
    212,
  );

  it("stacks each α's shares from pass at the bottom to a full bar, leaving out empty verdicts", () => {
    const [first, second] = layout.bars;
    expect(first.segments.map((s) => [s.verdict, s.share])).toEqual([
      ["pass", 0.25],
      ["wrongAnswer", 0.5],
      ["timeLimit", 0.25],
    ]);
    // The plotting area is 160 px high: pass fills the bottom quarter, the bar reaches the top.
    expect(first.segments[0]).toMatchObject({ y: 120, height: 40 });
    expect(first.segments[2]).toMatchObject({ y: 0, height: 40 });
    expect(second.segments).toEqual([
      expect.objectContaining({ verdict: "pass", y: 0, height: 160, share: 1 }),
    ]);
    expect(second.segments[0].x).toBeGreaterThan(first.segments[0].x + first.segments[0].width);
  });

  it("labels each bar with its α under its middle", () => {
    expect(layout.xTicks.map((tick) => tick.label)).toEqual(["0", "1"]);
    const bar = layout.bars[0].segments[0];
    expect(layout.xTicks[0].offset).toBeCloseTo(bar.x + bar.width / 2, 1);
  });
});
