import { describe, expect, it } from "vitest";
import { DIFFICULTIES } from "../../../lib/domain/difficulty";
import { bootstrapFrontierStrata, type MetricEstimates } from "../../../lib/science/bootstrap";
import { frontierPointValues } from "../../../lib/science/frontierPoints";
import { sliceProblemIndices } from "../../../lib/science/slices";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const values = (estimates: MetricEstimates[]) =>
  estimates.map((metrics) =>
    Object.fromEntries(Object.entries(metrics).map(([id, estimate]) => [id, estimate?.value])),
  );

describe("frontierPointValues", () => {
  it("gives exactly the point values of the stratified bootstrap, per stratum and over their union", () => {
    const samples = (checkpoint: number, problem: number) => (problem % 5 === 0 ? 30 : 12 + checkpoint);
    const matrix = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1], problems: 90, samples, seed: 4 });
    const strata = DIFFICULTIES.map((difficulty) => sliceProblemIndices(matrix, difficulty));
    const bootstrap = bootstrapFrontierStrata(matrix, strata, { resamples: 20, seed: 1, level: 0.95 });
    const points = frontierPointValues(matrix, strata);
    expect(points.combined).toEqual(values(bootstrap.combined));
    expect(points.strata).toEqual(bootstrap.strata.map(values));
    expect(Object.keys(points.combined[0])).toContain("passAt10");
  });
});
