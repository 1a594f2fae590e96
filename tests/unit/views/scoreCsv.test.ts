import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/responses/csv";
import { getMetric, METRICS } from "@/lib/science/metricRegistry";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";
import { compareScoreCsvTable, scoreCsvTable } from "@/lib/views/scoreCsv";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const data = makeFrontierFixture();

describe("the compare page's CSV", () => {
  it("writes an experiment name a spreadsheet would run as a formula as text, and α −0.5 as a number", () => {
    const csv = toCsv(
      compareScoreCsvTable(
        [
          { slug: "evil", name: '=HYPERLINK("http://evil.example","x")', readout: null },
          { slug: "sum", name: "=1+1", readout: null },
        ],
        [METRICS[0]],
        -0.5,
      ),
    );
    const [, first, second] = csv.split("\r\n");
    expect(first).toBe(
      `${METRICS[0].id},${METRICS[0].label},evil,"'=HYPERLINK(""http://evil.example"",""x"")",-0.5,none,,,,,,,,,`,
    );
    expect(second).toBe(`${METRICS[0].id},${METRICS[0].label},sum,'=1+1,-0.5,none,,,,,,,,,`);
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
      "delta_vs_A_lower",
      "delta_vs_A_upper",
      "delta_vs_B",
      "delta_vs_B_lower",
      "delta_vs_B_upper",
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
      "delta_vs_A",
      "delta_vs_A_lower",
      "delta_vs_A_upper",
      "delta_vs_B",
      "delta_vs_B_lower",
      "delta_vs_B_upper",
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
    expect(table.rows[0].slice(4, 9)).toEqual([0.5, "measured", solve?.value, solve?.lower, solve?.upper]);
    // Each experiment's paired changes against its own endpoints, as its score panel shows them.
    const solveScore = measured.scores.find((score) => score.metric.id === "solveRate");
    expect(table.rows[0].slice(9)).toEqual(
      [solveScore?.deltaA, solveScore?.deltaB].flatMap((d) => [d?.value, d?.lower, d?.upper]),
    );
    expect(solve?.deltaA?.value).toBe(solveScore?.deltaA?.value);
    const estimate = sparse.estimates.get("solveRate");
    expect(table.rows[1].slice(5, 9)).toEqual([
      "estimated",
      estimate?.value,
      estimate?.lower,
      estimate?.upper,
    ]);
    expect(table.rows[2].slice(5)).toEqual(Array(10).fill(undefined).fill("none", 0, 1));
  });
});
