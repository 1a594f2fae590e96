import { describe, expect, it } from "vitest";
import { sweepColumns, sweepFromColumns } from "../../../lib/responses/sweepColumns";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

describe("sweepColumns", () => {
  it("survives JSON column for column, unknown runtimes included", () => {
    const matrix = syntheticMatrix({ alphas: [0, 1, 2], problems: 9, samples: 5, seed: 2 });
    const back = sweepFromColumns(JSON.parse(JSON.stringify(sweepColumns(matrix))));
    expect(back.checkpoints).toEqual(matrix.checkpoints);
    expect(back.problems.map((p) => [p.externalId, p.difficulty])).toEqual(
      matrix.problems.map((p) => [p.externalId, p.difficulty]),
    );
    expect(back.checkpoints[0].runtimeMeanMs.some(Number.isNaN)).toBe(true);
  });

  it("keeps the cluster option and keys, and their absence", () => {
    const matrix = syntheticMatrix({ alphas: [0, 1], problems: 3, samples: 2, seed: 2 });
    const clustered = { ...matrix, clusters: { by: "contest" as const, keys: ["x", null, "x"] } };
    expect(sweepFromColumns(JSON.parse(JSON.stringify(sweepColumns(clustered)))).clusters).toEqual(
      clustered.clusters,
    );
    expect(sweepFromColumns(JSON.parse(JSON.stringify(sweepColumns(matrix)))).clusters).toBeUndefined();
  });
});
