import { describe, expect, it } from "vitest";
import { bootstrapCI } from "../../../lib/science/bootstrap";
import { meanPassAtK } from "../../../lib/science/passAtK";
import { passAtKBands } from "../../../lib/science/passAtKBands";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

/** What the bands replace: one bootstrapCI per k over materialised resamples. */
function perK(n: Int32Array, c: Int32Array, ks: number[], problems: Int32Array, seed: number) {
  const options = { resamples: 150, seed, level: 0.9 };
  return ks.map((k) => bootstrapCI((sample) => meanPassAtK(n, c, k, sample), problems, options));
}

describe("passAtKBands", () => {
  it("gives bootstrapCI's values and intervals bit for bit, for every k at once", () => {
    const matrix = syntheticMatrix({ alphas: [0, 0.5, 1], problems: 300, samples: 40, seed: 11 });
    const problems = Int32Array.from({ length: 300 }, (_, i) => i);
    const ks = [1, 2, 5, 13, 40];
    for (const cp of matrix.checkpoints) {
      const bands = passAtKBands(cp.n, cp.verdicts.pass, ks, problems, {
        resamples: 150,
        seed: 5,
        level: 0.9,
      });
      expect(bands).toEqual(perK(cp.n, cp.verdicts.pass, ks, problems, 5));
    }
  });

  it("matches with several sample counts, unevaluated problems and a subset of problems", () => {
    // n varies by problem (three values, so the histograms' order matters) and is 0 on every 7th.
    const samples = (_: number, p: number) => (p % 7 === 0 ? 0 : [8, 12, 20][p % 3]);
    const matrix = syntheticMatrix({ alphas: [0.25], problems: 200, samples, seed: 3 });
    const [cp] = matrix.checkpoints;
    const problems = Int32Array.from({ length: 120 }, (_, i) => (i * 5) % 200);
    const ks = [1, 4, 8];
    const bands = passAtKBands(cp.n, cp.verdicts.pass, ks, problems, { resamples: 150, seed: 9, level: 0.9 });
    expect(bands).toEqual(perK(cp.n, cp.verdicts.pass, ks, problems, 9));
  });

  it("declines when the sample counts are too varied to histogram, as meanPassAtK does", () => {
    const samples = (_: number, p: number) => 150 + p;
    const matrix = syntheticMatrix({ alphas: [0], problems: 40, samples, seed: 1 });
    const [cp] = matrix.checkpoints;
    const problems = Int32Array.from({ length: 40 }, (_, i) => i);
    expect(passAtKBands(cp.n, cp.verdicts.pass, [1, 10], problems)).toBeNull();
  });
});
