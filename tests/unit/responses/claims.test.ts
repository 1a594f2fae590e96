import { describe, expect, it } from "vitest";
import type { StoredClaims } from "../../../lib/contracts/claimSchemas";
import {
  asksOtherAxes,
  claimsAnswer,
  claimsData,
  claimsOnAxes,
  pinnedClaimsAnswer,
} from "../../../lib/responses/claims";
import type { Claim } from "../../../lib/science/claims";
import { syntheticMatrix } from "../../../lib/science/syntheticMatrix";

const matrix = syntheticMatrix({ alphas: [-0.5, 0, 0.5, 1, 1.5], problems: 36, samples: 12, seed: 5 });
const stored: StoredClaims = { version: "v1", ...claimsData("sweep", matrix) };
const query = { difficulty: "hard", margin: 2, x: "correctness", y: "efficiency" } as const;

describe("claimsData", () => {
  it("stores every slice's claims at the default margin with the solve-rate change's two intervals", () => {
    expect(Object.keys(stored.slices)).toEqual(["all", "easy", "medium", "hard"]);
    expect(stored.margin).toBe(0.02);
    const hard = stored.slices.hard;
    expect(hard.problems).toBe(12);
    const flat = hard.claims.find((claim) => claim.id === "flat-solve-rate");
    expect(flat?.ci).toEqual(hard.solveRateChange?.ci90);
    expect(hard.solveRateChange?.ci95[0]).toBeLessThanOrEqual(hard.solveRateChange?.ci90[0] ?? Number.NaN);
  });
});

describe("claimsAnswer", () => {
  it("answers the stored claims of the slice at the default margin", () => {
    const answer = claimsAnswer(stored, query);
    expect(answer).toMatchObject({
      version: "v1",
      difficulty: "hard",
      margin: 2,
      axes: { x: "correctness", y: "efficiency" },
    });
    expect(answer.claims).toEqual(stored.slices.hard.claims);
  });

  it("judges flat-solve-rate again at another margin, keeping its numbers", () => {
    const wide = claimsAnswer(stored, { ...query, margin: 50 }).claims.find(
      (c) => c.id === "flat-solve-rate",
    );
    const stock = stored.slices.hard.claims.find((c) => c.id === "flat-solve-rate");
    expect(wide?.verdict).toBe("supported");
    expect(wide?.estimate).toBe(stock?.estimate);
    expect(wide?.ci).toEqual(stock?.ci);
    expect(wide?.rule).toContain("±50.0 points");
  });

  it("puts a recomputed extrapolation claim in place, or leaves it out when it has no data on those axes", () => {
    const other = { ...query, x: "solveRate", y: "passAt10" } as const;
    expect(asksOtherAxes(query)).toBe(false);
    expect(asksOtherAxes(other)).toBe(true);
    const replacement = {
      ...stored.slices.hard.claims[0],
      id: "extrapolation-extends",
      estimate: 0.5,
    } as Claim;
    const replaced = claimsAnswer(stored, other, { extrapolation: replacement }).claims;
    expect(replaced.find((c) => c.id === "extrapolation-extends")?.estimate).toBe(0.5);
    expect(claimsAnswer(stored, other, { extrapolation: null }).claims.map((c) => c.id)).not.toContain(
      "extrapolation-extends",
    );
  });
});

describe("pinnedClaimsAnswer", () => {
  const axes = { x: "solveRate", y: "efficiency" } as const;
  const onAxes = {
    difficulty: "hard",
    axes,
    claim: claimsOnAxes(matrix, "hard", axes).extrapolation,
  } as const;

  it("answers any slice and margin on the default axes from the stored body, as the live route would", () => {
    const pinned = { stored, onAxes: null };
    for (const difficulty of ["all", "easy", "hard"] as const)
      expect(pinnedClaimsAnswer(pinned, { ...query, difficulty, margin: 5 })).toEqual(
        claimsAnswer(stored, { ...query, difficulty, margin: 5 }),
      );
  });

  it("answers the pinned view's slice on its own axes, and nothing on axes or slices it did not pin", () => {
    const pinned = { stored, onAxes };
    const asked = { ...query, ...axes };
    const answer = pinnedClaimsAnswer(pinned, asked);
    expect(answer).toEqual(claimsAnswer(stored, asked, { extrapolation: onAxes.claim }));
    expect(answer?.axes).toEqual(axes);
    expect(pinnedClaimsAnswer(pinned, { ...asked, difficulty: "easy" })).toBeNull();
    expect(pinnedClaimsAnswer(pinned, { ...asked, y: "passAt10" })).toBeNull();
    expect(pinnedClaimsAnswer({ stored, onAxes: null }, asked)).toBeNull();
  });
});

describe("retraces on other axes", () => {
  // A trained checkpoint with α 0.5's results: on the path on any axes.
  const { alpha: _alpha, label: _label, ...half } = matrix.checkpoints[2];
  const withTrained = { ...matrix, trained: [{ ...half, label: "coverage 50%", coverage: 50 }] };
  const storedWith: StoredClaims = { version: "v1", ...claimsData("sweep", withTrained) };
  const axes = { x: "solveRate", y: "wrongAnswerShare" } as const;
  const asked = { ...query, difficulty: "hard", ...axes } as const;

  it("is tested on the asked axes, as on the default ones, and replaces the stored one", () => {
    const onAxes = claimsOnAxes(withTrained, "hard", axes);
    expect(onAxes.retraces?.rule).toContain("Solve rate");
    expect(onAxes.retraces?.estimate).toBeLessThan(1e-4);
    expect(onAxes.retraces?.verdict).toBe("supported");
    const answer = claimsAnswer(storedWith, asked, onAxes).claims;
    expect(answer.find((c) => c.id === "retraces")).toEqual(onAxes.retraces);
    const stored = storedWith.slices.hard.claims.find((c) => c.id === "retraces");
    expect(stored?.rule).not.toEqual(onAxes.retraces?.rule);
  });

  it("is left out on other axes of a snapshot pinned before it was tested on them", () => {
    const pinned = { stored: storedWith, onAxes: { difficulty: "hard", axes, claim: null } } as const;
    expect(pinnedClaimsAnswer(pinned, asked)?.claims.map((c) => c.id)).not.toContain("retraces");
  });
});
