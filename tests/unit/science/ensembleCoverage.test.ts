import { describe, expect, it } from "vitest";
import { ensembleCoverage, solvedOnlyBy } from "../../../lib/science/ensembleCoverage";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";
import { bruteNoPass } from "../../support/bruteForce";

describe("ensembleCoverage", () => {
  it("gives each member at its share, the ensemble and the single at K, per problem, by enumeration", () => {
    const matrix = syntheticMatrix({ alphas: [0, 0.5, 1], problems: 6, samples: 8, seed: 11 });
    const problems = [5, 1, 3];
    const coverage = ensembleCoverage(
      matrix,
      [
        { checkpoint: 0, k: 2 },
        { checkpoint: 2, k: 3 },
      ],
      1,
      problems,
    );
    expect(Array.from(coverage.problems)).toEqual(problems);
    problems.forEach((p, i) => {
      const none = (cp: number, k: number) => bruteNoPass(8, matrix.checkpoints[cp].verdicts.pass[p], k);
      expect(coverage.members[0][i]).toBeCloseTo(1 - none(0, 2), 12);
      expect(coverage.members[1][i]).toBeCloseTo(1 - none(2, 3), 12);
      expect(coverage.ensemble[i]).toBeCloseTo(1 - none(0, 2) * none(2, 3), 12);
      expect(coverage.single[i]).toBeCloseTo(1 - none(1, 5), 12);
    });
  });
});

describe("solvedOnlyBy", () => {
  it("counts problems at or above the threshold on one side only", () => {
    expect(solvedOnlyBy([0.5, 0.9, 0.1, 0.49, 0.7], [0.49, 0.9, 0.6, 0.2, 0.5])).toEqual({
      onlyA: 1,
      onlyB: 1,
    });
    expect(solvedOnlyBy([0.3], [0.2], 0.25)).toEqual({ onlyA: 1, onlyB: 0 });
  });
});
