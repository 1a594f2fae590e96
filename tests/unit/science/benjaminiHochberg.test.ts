import { describe, expect, it } from "vitest";
import { benjaminiHochberg } from "@/lib/science/benjaminiHochberg";
import { createRng } from "@/lib/science/random";

/** The definition: q_i is the smallest FDR level t at which BH's step-up rule rejects hypothesis i. */
function bruteForceQ(p: readonly number[], i: number): number {
  const m = p.length;
  const sorted = [...p].sort((a, b) => a - b);
  // BH at level t rejects the k smallest, k the largest with p_(k) ≤ k t / m; q_i = min over k with p_(k) ≥ p_i of m p_(k) / k.
  let best = 1;
  for (let k = 1; k <= m; k++) if (sorted[k - 1] >= p[i]) best = Math.min(best, (m * sorted[k - 1]) / k);
  return best;
}

describe("benjaminiHochberg", () => {
  it("equals the definition on random p-values with ties", () => {
    const rng = createRng(21);
    for (let trial = 0; trial < 50; trial++) {
      const p = Array.from({ length: 1 + Math.floor(rng() * 12) }, () => Math.round(rng() * 20) / 20);
      const q = benjaminiHochberg(p);
      for (const [i, value] of q.entries()) expect(value).toBeCloseTo(bruteForceQ(p, i), 12);
    }
  });

  it("leaves NaN out of the count", () => {
    const q = benjaminiHochberg([0.01, Number.NaN, 0.04]);
    expect(q[0]).toBeCloseTo(0.02, 12);
    expect(q[1]).toBeNaN();
    expect(q[2]).toBeCloseTo(0.04, 12);
  });
});
