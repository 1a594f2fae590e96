import { describe, expect, it } from "vitest";
import { bootstrapCI, drawCounts } from "../../../lib/science/bootstrap";
import { meanPassAtK } from "../../../lib/science/passAtK";
import { drawProblemResamples, passAtKBands } from "../../../lib/science/passAtKBands";
import { createRng } from "../../../lib/science/random";
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

  it("gives the same bits from resamples drawn once and shared by every checkpoint", () => {
    const matrix = syntheticMatrix({ alphas: [0, 0.5, 1, 1.5], problems: 250, samples: 30, seed: 4 });
    const problems = Int32Array.from({ length: 180 }, (_, i) => (i * 7) % 250);
    const options = { resamples: 150, seed: 5, level: 0.9 };
    const draws = drawProblemResamples(problems.length, options);
    const ks = [1, 3, 10, 30];
    for (const cp of matrix.checkpoints) {
      const shared = passAtKBands(cp.n, cp.verdicts.pass, ks, problems, options, draws);
      expect(shared).toEqual(passAtKBands(cp.n, cp.verdicts.pass, ks, problems, options));
      expect(shared).toEqual(perK(cp.n, cp.verdicts.pass, ks, problems, 5));
    }
  });

  it("refuses resamples of another seed, size or count", () => {
    const matrix = syntheticMatrix({ alphas: [0], problems: 50, samples: 10, seed: 2 });
    const [cp] = matrix.checkpoints;
    const problems = Int32Array.from({ length: 50 }, (_, i) => i);
    const options = { resamples: 40, seed: 1, level: 0.95 };
    const band = (draws: ReturnType<typeof drawProblemResamples>) =>
      passAtKBands(cp.n, cp.verdicts.pass, [1, 5], problems, options, draws);
    expect(() => band(drawProblemResamples(50, { ...options, seed: 2 }))).toThrow(RangeError);
    expect(() => band(drawProblemResamples(49, options))).toThrow(RangeError);
    expect(() => band(drawProblemResamples(50, { ...options, resamples: 41 }))).toThrow(RangeError);
  });
});

describe("drawProblemResamples", () => {
  it("holds drawCounts' draws of one seed, resample after resample", () => {
    const options = { resamples: 30, seed: 77, level: 0.95 };
    const draws = drawProblemResamples(40, options);
    const rng = createRng(77);
    const counts = new Int32Array(40);
    expect(draws.counts).toHaveLength(30 * 40);
    for (let r = 0; r < options.resamples; r++) {
      drawCounts(rng, counts);
      expect(draws.counts.subarray(r * 40, (r + 1) * 40)).toEqual(counts);
    }
  });
});
