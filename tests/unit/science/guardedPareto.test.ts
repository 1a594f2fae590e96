import { describe, expect, it } from "vitest";
import { nonDominatedShares } from "../../../lib/science/guardedPareto";
import { dominates } from "../../../lib/science/pareto";
import { createRng } from "../../../lib/science/random";

describe("nonDominatedShares", () => {
  it("is each point's share of resamples where no eligible point dominates it (brute force)", () => {
    const rng = createRng(7);
    const directions = { x: "higher", y: "lower" } as const;
    for (let trial = 0; trial < 30; trial++) {
      const points = 2 + Math.floor(rng() * 8);
      const resamples = 50;
      const x = Array.from({ length: points }, () =>
        Float64Array.from({ length: resamples }, () => Math.round(rng() * 5)),
      );
      const y = Array.from({ length: points }, () =>
        Float64Array.from({ length: resamples }, () => Math.round(rng() * 5)),
      );
      const eligible = Array.from({ length: points }, () => rng() < 0.8);
      const expected = eligible.map((competes, j) => {
        if (!competes) return null;
        let front = 0;
        for (let r = 0; r < resamples; r++) {
          const me = { x: x[j][r], y: y[j][r] };
          const beaten = eligible.some(
            (other, k) => other && k !== j && dominates({ x: x[k][r], y: y[k][r] }, me, directions),
          );
          if (!beaten) front++;
        }
        return front / resamples;
      });
      expect(nonDominatedShares(x, y, directions, eligible)).toEqual(expected);
    }
  });

  it("gives 1 to a point that dominates in every resample and 0 to one always dominated", () => {
    const shares = nonDominatedShares(
      [Float64Array.of(0.9, 0.8), Float64Array.of(0.1, 0.2)],
      [Float64Array.of(0.9, 0.8), Float64Array.of(0.1, 0.2)],
      { x: "higher", y: "higher" },
      [true, true],
    );
    expect(shares).toEqual([1, 0]);
  });
});
