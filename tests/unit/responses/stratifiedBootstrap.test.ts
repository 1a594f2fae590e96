import { describe, expect, it } from "vitest";
import { difficultyStrata, stratifiedBootstrap } from "../../../lib/responses/stratifiedBootstrap";
import { bootstrapFrontierStrata } from "../../../lib/science/bootstrap";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const options = { resamples: 120, seed: 3, level: 0.95 };

describe("stratifiedBootstrap", () => {
  it("is the difficulty-stratified bootstrap of the matrix, computed once per matrix and options", () => {
    const matrix = syntheticMatrix({ alphas: [0, 0.5, 1], problems: 60, samples: 12, seed: 2 });
    const first = stratifiedBootstrap(matrix, options);
    expect(first).toEqual(bootstrapFrontierStrata(matrix, difficultyStrata(matrix), options));
    expect(stratifiedBootstrap(matrix, options)).toBe(first);
    // Other options or another matrix compute their own.
    const other = { ...options, seed: 4 };
    expect(stratifiedBootstrap(matrix, other)).not.toBe(first);
    expect(stratifiedBootstrap(matrix, other)).toEqual(
      bootstrapFrontierStrata(matrix, difficultyStrata(matrix), other),
    );
    const copy = { ...matrix };
    expect(stratifiedBootstrap(copy, options)).not.toBe(first);
    expect(stratifiedBootstrap(copy, options)).toEqual(first);
  });

  it("gives each difficulty's problems, in matrix order", () => {
    const matrix = syntheticMatrix({ alphas: [0], problems: 7, samples: 2, seed: 1 });
    expect(difficultyStrata(matrix).map((stratum) => Array.from(stratum))).toEqual([
      [0, 3, 6],
      [1, 4],
      [2, 5],
      [],
    ]);
  });
});
