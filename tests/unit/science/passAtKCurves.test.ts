import { describe, expect, it } from "vitest";
import { bootstrapCI } from "../../../lib/science/bootstrap";
import { splitBudgetByWeights } from "../../../lib/science/budget";
import { ensemblePassAtK } from "../../../lib/science/ensemblePassAtK";
import { checkpointPassAtKCurve, ensemblePassAtKCurve } from "../../../lib/science/passAtKCurves";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { bruteNoPass, brutePassAtK } from "../../support/bruteForce";

const matrix = syntheticMatrix({ alphas: [-0.5, 0, 1, 1.5], problems: 9, samples: 10, seed: 7 });
const problems = Int32Array.from({ length: 9 }, (_, i) => i);

function bruteMean(checkpoint: number, k: number): number {
  const cp = matrix.checkpoints[checkpoint];
  let sum = 0;
  for (const p of problems) sum += brutePassAtK(cp.n[p], cp.verdicts.pass[p], k);
  return sum / problems.length;
}

describe("checkpointPassAtKCurve", () => {
  it("equals the mean pass@k found by enumerating every k-subset of samples", () => {
    const ks = [1, 2, 5, 10];
    const curve = checkpointPassAtKCurve(matrix, 1, ks, problems);
    curve.forEach((point, i) => {
      expect(point.k).toBe(ks[i]);
      expect(point.passAtK).toBeCloseTo(bruteMean(1, ks[i]), 12);
      expect(point.lower).toBeUndefined();
    });
  });

  it("with bands, brackets each value with the bootstrap interval of that k's mean", () => {
    const options = { resamples: 100, seed: 3, level: 0.9 };
    const curve = checkpointPassAtKCurve(matrix, 2, [1, 3, 10], problems, options);
    for (const point of curve) {
      const cp = matrix.checkpoints[2];
      const expected = bootstrapCI(
        (sample) =>
          sample.reduce((sum, p) => sum + brutePassAtK(cp.n[p], cp.verdicts.pass[p], point.k), 0) /
          sample.length,
        problems,
        options,
      );
      expect(point.lower).toBeCloseTo(expected.lower, 12);
      expect(point.upper).toBeCloseTo(expected.upper, 12);
      expect(point.lower ?? 2).toBeLessThanOrEqual(point.passAtK);
      expect(point.upper ?? -1).toBeGreaterThanOrEqual(point.passAtK);
    }
  });
});

describe("ensemblePassAtKCurve", () => {
  it("splits each total k by the weights and matches the enumerated ensemble probability", () => {
    const members = [
      { checkpoint: 0, weight: 2 },
      { checkpoint: 3, weight: 1 },
    ];
    const curve = ensemblePassAtKCurve(matrix, members, [3, 6, 9], problems);
    for (const point of curve) {
      const [k0, k3] = splitBudgetByWeights(point.k, [2, 1]);
      let sum = 0;
      for (const p of problems) {
        const a = matrix.checkpoints[0];
        const b = matrix.checkpoints[3];
        sum += 1 - bruteNoPass(a.n[p], a.verdicts.pass[p], k0) * bruteNoPass(b.n[p], b.verdicts.pass[p], k3);
      }
      expect(point.passAtK).toBeCloseTo(sum / problems.length, 12);
      expect(point.passAtK).toBeCloseTo(
        ensemblePassAtK(
          matrix,
          [
            { checkpoint: 0, k: k0 },
            { checkpoint: 3, k: k3 },
          ],
          problems,
        ),
        12,
      );
    }
  });

  it("gives bands that contain the value when asked for", () => {
    const curve = ensemblePassAtKCurve(
      matrix,
      [
        { checkpoint: 1, weight: 1 },
        { checkpoint: 2, weight: 1 },
      ],
      [2, 8],
      problems,
      {
        resamples: 50,
        seed: 1,
        level: 0.95,
      },
    );
    for (const point of curve) {
      expect(point.lower).toBeLessThanOrEqual(point.passAtK);
      expect(point.upper).toBeGreaterThanOrEqual(point.passAtK);
      expect((point.upper ?? 0) - (point.lower ?? 0)).toBeGreaterThan(0);
    }
  });
});
