import { describe, expect, it } from "vitest";
import { compositionCaption } from "@/lib/charts/compositionCaption";
import type { FrontierPoint } from "@/lib/contracts/types";
import { alphaKind } from "@/lib/domain/alpha";

function point(alpha: number, wrongAnswer: number, timeLimit: number, solveRate: number, collapsed = false) {
  const estimate = (value: number) => ({ value, lower: null, upper: null });
  return {
    alpha,
    kind: alphaKind(alpha),
    label: null,
    problems: 10,
    samples: 100,
    collapsed,
    metrics: {
      wrongAnswerShare: estimate(wrongAnswer),
      timeLimitShare: estimate(timeLimit),
      solveRate: estimate(solveRate),
    },
  } satisfies FrontierPoint;
}

describe("compositionCaption", () => {
  it("reads the endpoints' shares, names the trade the data show and the collapsed α", () => {
    const points = [
      point(-1, 0.07, 0.54, 0.06, true),
      point(0, 0.272, 0.486, 0.202),
      point(0.5, 0.4, 0.35, 0.205),
      point(1, 0.537, 0.217, 0.206),
      point(2, 0.563, 0.052, 0.05, true),
    ];
    expect(compositionCaption(points)).toBe(
      "From A to B: wrong answers 27.2% → 53.7%, time limits 48.6% → 21.7%, solve rate 20.2% → 20.6%. " +
        "Time-limit failures are traded for wrong answers. α = −1, 2 have collapsed.",
    );
  });

  it("claims no trade the data do not show, and uses the evaluated ends without both endpoints", () => {
    const points = [point(0.25, 0.3, 0.3, 0.4), point(0.75, 0.31, 0.2, 0.45)];
    expect(compositionCaption(points)).toBe(
      "From α = 0.25 to α = 0.75: wrong answers 30.0% → 31.0%, time limits 30.0% → 20.0%, solve rate 40.0% → 45.0%.",
    );
    const reverse = [point(0, 0.5, 0.1, 0.3), point(1, 0.2, 0.4, 0.3)];
    expect(compositionCaption(reverse)).toContain("Wrong answers are traded for time-limit failures.");
  });

  it("says nothing with one checkpoint", () => {
    expect(compositionCaption([point(0, 0.3, 0.3, 0.4)])).toBeNull();
    expect(compositionCaption([])).toBeNull();
  });
});
