import { describe, expect, it } from "vitest";
import {
  changeCounts,
  changePriorStrength,
  DISCOVERY_Q,
  type ProblemCountsRow,
  problemChanges,
  shrunkChange,
} from "@/lib/science/problemChanges";
import { createRng } from "@/lib/science/random";

function binomial(rng: () => number, n: number, p: number): number {
  let count = 0;
  for (let i = 0; i < n; i++) if (rng() < p) count++;
  return count;
}

/** A sweep of `problems` problems at two α, 20 samples a side; the first `changed` move their pass rate by ±0.6. */
function sweep(rng: () => number, problems: number, changed: number): ProblemCountsRow[] {
  return Array.from({ length: problems }, (_, index) => {
    const base = index < changed ? 0.2 * rng() : rng();
    const after = index < changed ? base + 0.6 : base;
    return {
      id: `p${String(index).padStart(4, "0")}`,
      n: [20, 20],
      pass: [binomial(rng, 20, base), binomial(rng, 20, after)],
    };
  });
}

describe("problemChanges", () => {
  const rows: ProblemCountsRow[] = [
    { id: "a", n: [10, 10], pass: [0, 10] },
    { id: "b", n: [10, 10], pass: [5, 6] },
    { id: "c", n: [10, 0], pass: [5, 0] },
    { id: "d", n: [10, 10], pass: [8, 2] },
  ];

  it("gives each compared problem its raw change, Fisher p, BH q and sorts by the chosen key", () => {
    const changes = problemChanges(rows, 0, 1, "desc");
    expect(changes.map((change) => rows[change.row].id)).toEqual(["a", "b", "d"]);
    expect(changes[0].delta).toBe(1);
    expect(changes[0].p).toBeCloseTo(2 / 184756, 12); // both all-or-nothing tables of C(20, 10);
    // BH over 3: q for the smallest p is 3p/1 unless a larger rank gives less.
    expect(changes[0].q).toBeCloseTo(Math.min(1, 3 * changes[0].p), 10);
    const lost = problemChanges(rows, 0, 1, "asc", undefined, "shrunk");
    expect(rows[lost[0].row].id).toBe("d");
  });

  it("counts discoveries beside the raw gains and losses", () => {
    const counts = changeCounts(problemChanges(rows, 0, 1, "desc"));
    expect(counts).toMatchObject({ gained: 2, lost: 1, unchanged: 0, gainedDiscoveries: 1 });
  });

  it("shrinks with the posterior mean of the beta-binomial model", () => {
    const pair = { passFrom: 2, nFrom: 10, passTo: 8, nTo: 10 };
    const m = 0.5;
    expect(shrunkChange(pair, 4)).toBeCloseTo((8 + 4 * m) / 14 - (2 + 4 * m) / 14, 12);
    expect(shrunkChange(pair, 0)).toBeCloseTo(0.6, 12);
    expect(shrunkChange(pair, Number.POSITIVE_INFINITY)).toBe(0);
  });

  it("on a null sweep shrinks the noise that tops the raw ranking to nearly nothing", () => {
    const rng = createRng(2101);
    const changes = problemChanges(sweep(rng, 1000, 0), 0, 1, "desc");
    expect(changes[0].delta).toBeGreaterThanOrEqual(0.3);
    const shrunk = problemChanges(sweep(createRng(2101), 1000, 0), 0, 1, "desc", undefined, "shrunk");
    expect(Math.abs(shrunk[0].shrunk)).toBeLessThan(0.1);
  });

  it("keeps real changes when they are there", () => {
    const rows = sweep(createRng(2102), 1000, 100);
    const kappa = changePriorStrength(
      rows.map((row) => ({ passFrom: row.pass[0], nFrom: 20, passTo: row.pass[1], nTo: 20 })),
    );
    expect(Number.isFinite(kappa)).toBe(true);
    const top = problemChanges(rows, 0, 1, "desc", undefined, "shrunk").slice(0, 50);
    expect(top.every((change) => change.row < 100)).toBe(true);
  });

  it("keeps the false discovery rate at q < 0.1 under 10 % on null and mixed sweeps (seeded)", () => {
    const rng = createRng(2103);
    for (const changed of [0, 100]) {
      let fdrSum = 0;
      const trials = 40;
      for (let trial = 0; trial < trials; trial++) {
        const discoveries = problemChanges(sweep(rng, 1000, changed), 0, 1, "desc").filter(
          (change) => change.q < DISCOVERY_Q,
        );
        const false_ = discoveries.filter((change) => change.row >= changed).length;
        fdrSum += discoveries.length === 0 ? 0 : false_ / discoveries.length;
      }
      expect(fdrSum / trials).toBeLessThanOrEqual(0.1);
    }
  });
});
