import { describe, expect, it } from "vitest";
import type { ComparisonData } from "@/lib/contracts/compareTypes";
import { type CompareContext, compareContextOf, sharedAlphas } from "@/lib/views/compareContext";
import { parseCompareView, serializeCompareView } from "@/lib/views/compareView";
import { comparisonWarnings } from "@/lib/views/compareWarnings";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

describe("sharedAlphas", () => {
  it("is the intersection of the evaluated ranges, stopping at every α any experiment evaluated in it", () => {
    expect(
      sharedAlphas([
        [-1, -0.5, 0, 0.5, 1, 1.5, 2],
        [0, 0.25, 0.75, 1.25],
      ]),
    ).toEqual({
      range: [0, 1.25],
      stops: [0, 0.25, 0.5, 0.75, 1, 1.25],
    });
  });

  it("is empty when the ranges do not meet, and a single α when they touch", () => {
    expect(
      sharedAlphas([
        [-1, -0.5],
        [0, 1],
      ]),
    ).toEqual({ range: null, stops: [] });
    expect(
      sharedAlphas([
        [-1, 0],
        [0, 1],
      ]),
    ).toEqual({ range: [0, 0], stops: [0] });
  });
});

const context: CompareContext = {
  slugs: ["a", "b"],
  metrics: [
    { id: "correctness", label: "Correctness", allowsLog: false },
    { id: "efficiency", label: "Efficiency", allowsLog: false },
  ],
  alphas: sharedAlphas([
    [-1, 0, 0.5, 1, 2],
    [0, 0.25, 1],
  ]),
  slices: ["all", "hard"],
  defaultX: "correctness",
  defaultY: "efficiency",
};

describe("the comparison view in the URL", () => {
  it("opens at the shared stop nearest 0.5 and writes the experiments first", () => {
    const { view, notices } = parseCompareView(new URLSearchParams(""), context);
    expect(notices).toEqual([]);
    expect(view.alpha).toBe(0.5);
    expect(serializeCompareView(view).toString()).toBe(
      "experiments=a%2Cb&alpha=0.5&x=correctness&y=efficiency&xlog=0&ylog=0&difficulty=all&ci=1",
    );
  });

  it("round-trips a view: the link it writes reopens it", () => {
    const { view } = parseCompareView(
      new URLSearchParams("experiments=a,b&alpha=0.62&x=efficiency&y=correctness&difficulty=hard&ci=0"),
      context,
    );
    expect(view).toMatchObject({
      alpha: 0.62,
      x: "efficiency",
      y: "correctness",
      difficulty: "hard",
      ci: false,
    });
    expect(parseCompareView(serializeCompareView(view), context).view).toEqual(view);
  });

  it("refuses an α outside the shared range, naming it", () => {
    const { view, notices } = parseCompareView(new URLSearchParams("alpha=1.5"), context);
    expect(view.alpha).toBe(0.5);
    expect(notices[0]).toContain("outside the evaluated range 0 … 1");
  });

  it("has no α when the experiments share none, and says a given one was ignored", () => {
    const apart = {
      ...context,
      alphas: sharedAlphas([
        [-1, -0.5],
        [0, 1],
      ]),
    };
    const { view, notices } = parseCompareView(new URLSearchParams("alpha=0.5"), apart);
    expect(view.alpha).toBeNull();
    expect(notices).toEqual(["Ignored α = “0.5”: these experiments share no evaluated α range."]);
    expect(serializeCompareView(view).has("alpha")).toBe(false);
  });
});

function comparison(benchmarks: [string, string], sizes: number[], shared: number): ComparisonData {
  const experiments = benchmarks.map((benchmark, i) => {
    const data = makeFrontierFixture({ alphas: i === 0 ? [0, 0.5, 1] : [-1, 0, 1, 2] });
    data.experiment = { ...data.experiment, slug: `e${i}`, name: `Experiment ${i}`, benchmark };
    return data;
  });
  const overlap = { sizes, shared, union: sizes[0] + sizes[1] - shared };
  return {
    experiments,
    sameBenchmark: benchmarks[0] === benchmarks[1],
    problems: { all: overlap, easy: overlap, medium: overlap, hard: overlap },
  };
}

describe("comparison warnings", () => {
  it("say nothing for the same benchmark and the same problems", () => {
    expect(comparisonWarnings(comparison(["lcb", "lcb"], [400, 400], 400), "all")).toEqual([]);
  });

  it("name the benchmarks when they differ and the problem counts when the sets differ", () => {
    const warnings = comparisonWarnings(comparison(["lcb", "evalplus"], [400, 164], 0), "hard");
    expect(warnings).toEqual([
      "Different benchmarks (Experiment 0: lcb; Experiment 1: evalplus): the scores are not on the same problems.",
      "Different hard problem sets (Experiment 0: 400; Experiment 1: 164): 0 problem ids in common of 564. Each score is over its own experiment's problems.",
    ]);
  });

  it("build the context from what every experiment has", () => {
    const data = comparison(["lcb", "lcb"], [400, 400], 400);
    const built = compareContextOf(data);
    expect(built.slugs).toEqual(["e0", "e1"]);
    expect(built.alphas).toEqual({ range: [0, 1], stops: [0, 0.5, 1] });
    expect(built.defaultX).toBe("correctness");
  });
});
