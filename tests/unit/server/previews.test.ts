import { describe, expect, it } from "vitest";
import { scalingHref } from "@/components/explorer/ScalingLink";
import { previewQuerySchema } from "@/lib/contracts/exportSchemas";
import { getMetric } from "@/lib/science/metricRegistry";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";
import { explorerPreviewText, scalingPreviewText } from "@/lib/views/previewText";
import { compareScoreCsvTable, scoreCsvTable } from "@/lib/views/scoreCsv";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const data = makeFrontierFixture();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe("link preview text", () => {
  it("names experiment, α and difficulty, and quotes the measured headline numbers with intervals", () => {
    const text = explorerPreviewText(data, { alpha: 1.5, difficulty: "hard" });
    const point = data.slices.hard.points.find((p) => p.alpha === 1.5);
    const solve = point?.metrics.solveRate;
    expect(text.documentTitle).toBe(`${data.experiment.name} · α = 1.5`);
    expect(text.title).toBe(`${data.experiment.name} · α = 1.5 (extrapolation beyond B) · hard problems`);
    expect(
      text.description.startsWith(
        `Measured on hard problems: solve rate ${percent(solve?.value ?? 0)} [${percent(solve?.lower ?? 0)}, ${percent(solve?.upper ?? 0)}], correctness `,
      ),
    ).toBe(true);
  });

  it("says when the numbers are estimates, and when α has none", () => {
    expect(explorerPreviewText(data, { alpha: 0.4, difficulty: "all" }).description).toMatch(
      /^Estimated \(not evaluated\) on all problems: solve rate \d/,
    );
    expect(explorerPreviewText(data, { alpha: 7, difficulty: "all" }).description).toMatch(
      /^α = 7 lies outside the evaluated range/,
    );
  });

  it("gives the scaling page each member's solve rate", () => {
    const text = scalingPreviewText(data, { members: [0, 1.5], difficulty: "easy" });
    expect(text.documentTitle).toBe(`Inference-time scaling · ${data.experiment.name} · α 0, 1.5`);
    const rate = (alpha: number) =>
      percent(data.slices.easy.points.find((p) => p.alpha === alpha)?.metrics.solveRate.value ?? 0);
    expect(text.description).toContain(`α = 0 ${rate(0)} [`);
    expect(text.description).toContain(`α = 1.5 ${rate(1.5)} [`);
  });
});

describe("the preview image's query", () => {
  it("takes up to 8 finite markers and refuses anything else", () => {
    expect(previewQuerySchema.parse({ members: "0,−0.5,1.5" }).members).toEqual([0, -0.5, 1.5]);
    expect(previewQuerySchema.parse({}).members).toEqual([]);
    for (const members of ["0,1,2,3,4,5,6,7,8", "a", "1,,2", "Infinity"])
      expect(previewQuerySchema.safeParse({ members }).success, members).toBe(false);
  });
});

describe("the way from the explorer to the scaling page", () => {
  const alphas = data.slices.all.points.map((p) => p.alpha);
  const slices = ["all", "easy", "medium", "hard"] as const;

  it("keeps the difficulty and adds an evaluated α to the default members", () => {
    const href = scalingHref({ slug: "s", alphas, slices, alpha: 1.5, difficulty: "easy" });
    expect(href).toBe("/experiments/s/scaling?members=0%2C1%2C1.5&difficulty=easy");
  });

  it("adds no member for an estimated α or an endpoint", () => {
    expect(scalingHref({ slug: "s", alphas, slices, alpha: 0.4, difficulty: "all" })).toBe(
      "/experiments/s/scaling?members=0%2C1&difficulty=all",
    );
    expect(scalingHref({ slug: "s", alphas, slices, alpha: 1, difficulty: "hard" })).toBe(
      "/experiments/s/scaling?members=0%2C1&difficulty=hard",
    );
  });
});

describe("the score panel as CSV", () => {
  it("has one row per metric with the unrounded value, interval and changes against A and B", () => {
    const readout = readoutAt(createMetricEstimators(data.slices.all.points), 0.5);
    const table = scoreCsvTable(readout);
    expect(table.header).toEqual([
      "metric",
      "label",
      "alpha",
      "status",
      "value",
      "lower",
      "upper",
      "delta_vs_A",
      "delta_vs_B",
    ]);
    const solve = table.rows.find((row) => row[0] === "solveRate");
    const measured = data.slices.all.points.find((p) => p.alpha === 0.5)?.metrics.solveRate;
    expect(solve?.slice(2, 7)).toEqual([0.5, "measured", measured?.value, measured?.lower, measured?.upper]);
  });
});

describe("the comparison's side-by-side scores as CSV", () => {
  it("has one row per metric and experiment, in the table's order, each with its own status and interval", () => {
    const points = data.slices.all.points;
    const measured = readoutAt(createMetricEstimators(points), 0.5);
    // A second experiment evaluated only at the integers: 0.5 is an estimate there.
    const sparse = readoutAt(createMetricEstimators(points.filter((p) => Number.isInteger(p.alpha))), 0.5);
    const metrics = [getMetric("solveRate"), getMetric("correctness")];
    const table = compareScoreCsvTable(
      [
        { slug: "one", name: "One, with a comma", readout: measured },
        { slug: "two", name: "Two", readout: sparse },
        { slug: "three", name: "Three", readout: null },
      ],
      metrics,
      0.5,
    );
    expect(table.header).toEqual([
      "metric",
      "label",
      "experiment",
      "name",
      "alpha",
      "status",
      "value",
      "lower",
      "upper",
    ]);
    expect(table.rows.map((row) => `${row[0]} ${row[2]}`)).toEqual([
      "solveRate one",
      "solveRate two",
      "solveRate three",
      "correctness one",
      "correctness two",
      "correctness three",
    ]);
    const solve = points.find((p) => p.alpha === 0.5)?.metrics.solveRate;
    expect(table.rows[0].slice(4)).toEqual([0.5, "measured", solve?.value, solve?.lower, solve?.upper]);
    const estimate = sparse.estimates.get("solveRate");
    expect(table.rows[1].slice(5)).toEqual(["estimated", estimate?.value, estimate?.lower, estimate?.upper]);
    expect(table.rows[2].slice(5)).toEqual(["none", undefined, undefined, undefined]);
  });
});
