import { describe, expect, it } from "vitest";
import { fisherExactTwoSided } from "@/lib/science/fisherExact";
import { subsets } from "./enumerate";

/**
 * Brute force: under the null every way of choosing which of the nA + nB samples pass is equally
 * likely given the total passes; the p-value is the share of such choices whose table is at most as
 * likely as the observed one.
 */
function bruteForce(passA: number, nA: number, passB: number, nB: number): number {
  const total = nA + nB;
  const choices = subsets(total, passA + passB);
  const tally = new Map<number, number>();
  for (const choice of choices) {
    const x = choice.filter((i) => i < nA).length;
    tally.set(x, (tally.get(x) ?? 0) + 1);
  }
  const observed = tally.get(passA) ?? 0;
  let extreme = 0;
  for (const count of tally.values()) if (count <= observed * (1 + 1e-7)) extreme += count;
  return extreme / choices.length;
}

describe("fisherExactTwoSided", () => {
  it("equals the enumeration of every table with the same margins", () => {
    for (const [nA, nB] of [
      [3, 4],
      [5, 5],
      [6, 3],
    ])
      for (let passA = 0; passA <= nA; passA++)
        for (let passB = 0; passB <= nB; passB++)
          expect(fisherExactTwoSided(passA, nA, passB, nB)).toBeCloseTo(bruteForce(passA, nA, passB, nB), 12);
  });

  it("matches R's fisher.test on the tea-tasting table and a lopsided one", () => {
    // fisher.test(matrix(c(3, 1, 1, 3), 2))$p.value = 0.4857143
    expect(fisherExactTwoSided(3, 4, 1, 4)).toBeCloseTo(0.4857143, 6);
    // fisher.test(matrix(c(0, 20, 10, 10), 2))$p.value = 0.0004337 (0/20 vs 10/20)
    expect(fisherExactTwoSided(0, 20, 10, 20)).toBeCloseTo(0.000433, 5);
  });

  it("is 1 for identical proportions and without samples", () => {
    expect(fisherExactTwoSided(5, 10, 5, 10)).toBeCloseTo(1, 12);
    expect(fisherExactTwoSided(0, 0, 3, 10)).toBe(1);
  });
});
