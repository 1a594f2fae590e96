import { describe, expect, it } from "vitest";
import type { ExperimentHeader } from "../../../lib/contracts/types";
import type { CheckpointColumns, SweepMatrix, TrainedColumns } from "../../../lib/domain/sweep";
import { experimentDetail, frontierData, frontierPoints } from "../../../lib/responses/statisticPayloads";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const header: ExperimentHeader = {
  slug: "trained-test",
  name: "Trained test",
  description: "",
  benchmark: "bench",
  setting: "pure-reasoning",
  modelFamily: null,
  modelScale: null,
  synthetic: true,
  clusterBy: null,
  endpoints: { a: { label: "A", model: null }, b: { label: "B", model: null } },
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

/** A trained checkpoint with exactly the results of an α checkpoint. */
function copyAsTrained(cp: CheckpointColumns, label: string, coverage: number | null): TrainedColumns {
  const { alpha: _alpha, label: _label, ...columns } = cp;
  return { ...columns, label, coverage };
}

const alphaOnly = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1, 1.5], problems: 60, samples: 8, seed: 7 });
const withTrained: SweepMatrix = {
  ...alphaOnly,
  trained: [
    copyAsTrained(alphaOnly.checkpoints[2], "coverage 50%", 50),
    copyAsTrained(alphaOnly.checkpoints[1], "no coverage", null),
  ],
};

describe("trained checkpoints in the response bodies", () => {
  it("leave every α point, interval and Pareto set of the frontier exactly as without them", () => {
    const before = frontierData({ header, matrix: alphaOnly });
    const after = frontierData({ header, matrix: withTrained });
    for (const slice of ["all", "easy", "medium", "hard"] as const) {
      expect(after.slices[slice].points).toEqual(before.slices[slice].points);
      expect(after.slices[slice].pareto).toEqual(before.slices[slice].pareto);
      expect(before.slices[slice].trained).toEqual([]);
    }
    expect(after.bootstrap).toEqual(before.bootstrap);
  });

  it("give a trained checkpoint the same resamples as the α points: a copy of α = 0.5 has its exact intervals", () => {
    const frontier = frontierData({ header, matrix: withTrained });
    for (const slice of ["all", "hard"] as const) {
      const { points, trained = [] } = frontier.slices[slice];
      const copy = trained.find((point) => point.label === "coverage 50%");
      expect(copy?.coverage).toBe(50);
      expect(copy?.metrics).toEqual(points[2].metrics);
      expect(copy?.problems).toBe(points[2].problems);
      expect(copy?.samples).toBe(points[2].samples);
      // Paired changes against A of a copy of A are exactly 0 in every resample.
      const other = trained.find((point) => point.label === "no coverage");
      expect(other?.metrics.solveRate.value).toBe(points[1].metrics.solveRate.value);
      expect(other?.metrics.solveRate.deltaA).toMatchObject({ value: 0, lower: 0, upper: 0 });
    }
  });

  it("orders trained points as the matrix does and gives their point values while intervals compute", () => {
    const points = frontierPoints({ header, matrix: withTrained });
    const { trained = [], points: alphaPoints } = points.slices.all;
    expect(trained.map((point) => point.label)).toEqual(["coverage 50%", "no coverage"]);
    expect(trained[0].metrics.correctness).toEqual(alphaPoints[2].metrics.correctness);
    expect(trained[0].metrics.correctness.lower).toBeNull();
  });

  it("list trained checkpoints in the detail with label and coverage instead of α", () => {
    const detail = experimentDetail({ header, matrix: withTrained });
    expect(detail.checkpoints.map((cp) => cp.alpha)).toEqual([-0.5, 0, 0.5, 1, 1.5]);
    const { alpha: _alpha, kind: _kind, label: _label, ...scores } = detail.checkpoints[2];
    expect(detail.trained?.[0]).toEqual({ ...scores, label: "coverage 50%", coverage: 50 });
    expect(experimentDetail({ header, matrix: alphaOnly }).trained).toEqual([]);
  });
});
