import { describe, expect, it } from "vitest";
import type { ComparisonPower } from "../../../lib/science/power";
import { powerText } from "../../../lib/views/powerText";

const base: ComparisonPower = {
  level: 0.05,
  power: 0.8,
  problems: 400,
  samplesNow: 10,
  clusters: null,
  minimumDetectableEffect: 0.0312,
  detect: 0.02,
  samplesPerProblem: 37,
};

describe("powerText", () => {
  it("states the effect in points and how many more samples a Δ needs", () => {
    expect(powerText(base)).toEqual({
      effect: "3.1 points",
      samples: "Detecting 2.0 points takes about 37 samples per problem per α (27 more than the 10.0 now).",
      units: "400 problems",
    });
    expect(powerText({ ...base, clusters: 52 }).units).toBe("400 problems in 52 clusters (cluster-robust)");
  });

  it("says when the samples at hand suffice, when only more problems help, and when there is no power", () => {
    expect(powerText({ ...base, samplesPerProblem: 8 }).samples).toBe(
      "2.0 points is detectable with the samples at hand (8 per problem per α would do).",
    );
    expect(powerText({ ...base, samplesPerProblem: null }).samples).toMatch(/more problems are needed/);
    expect(
      powerText({ ...base, problems: 1, minimumDetectableEffect: null, samplesPerProblem: null }),
    ).toEqual({
      effect: null,
      samples: "Fewer than two problems at both α: no power to state (80 % power, level 0.05).",
      units: "1 problems",
    });
  });
});
