import { describe, expect, it } from "vitest";
import { scalingHref } from "@/components/explorer/ScalingLink";
import { previewQuerySchema } from "@/lib/contracts/exportSchemas";
import { explorerPreviewText, scalingPreviewText } from "@/lib/views/previewText";
import { makeFrontierFixture } from "../charts/fixtures/frontierData";

const data = makeFrontierFixture();
const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

describe("link preview text", () => {
  it("names experiment, α and difficulty, and quotes the measured headline numbers with intervals", () => {
    const text = explorerPreviewText(data, { alpha: 1.5, difficulty: "hard" });
    const point = data.slices.hard.points.find((p) => p.alpha === 1.5);
    const solve = point?.metrics.solveRate;
    expect(text.documentTitle).toBe(`${data.experiment.name} · α = 1.5`);
    expect(text.title).toBe(`${data.experiment.name} · α = 1.5 (extrapolation beyond B) · hard problems`);
    expect(
      text.description.startsWith(
        `Measured on hard problems: solve rate ${percent(solve?.value ?? 0)} [${percent(solve?.lower ?? 0)}, ${percent(solve?.upper ?? 0)}], correctness `,
      ),
    ).toBe(true);
  });

  it("says when the numbers are estimates, and when α has none", () => {
    expect(explorerPreviewText(data, { alpha: 0.4, difficulty: "all" }).description).toMatch(
      /^Estimated \(not evaluated\) on all problems: solve rate \d/,
    );
    expect(explorerPreviewText(data, { alpha: 7, difficulty: "all" }).description).toMatch(
      /^α = 7 lies outside the evaluated range/,
    );
  });

  it("gives the scaling page each member's solve rate", () => {
    const text = scalingPreviewText(data, { members: [0, 1.5], difficulty: "easy" });
    expect(text.documentTitle).toBe(`Inference-time scaling · ${data.experiment.name} · α 0, 1.5`);
    const rate = (alpha: number) =>
      percent(data.slices.easy.points.find((p) => p.alpha === alpha)?.metrics.solveRate.value ?? 0);
    expect(text.description).toContain(`α = 0 ${rate(0)} [`);
    expect(text.description).toContain(`α = 1.5 ${rate(1.5)} [`);
  });
});

describe("the preview image's query", () => {
  it("takes up to 8 finite markers and refuses anything else", () => {
    expect(previewQuerySchema.parse({ members: "0,−0.5,1.5" }).members).toEqual([0, -0.5, 1.5]);
    expect(previewQuerySchema.parse({}).members).toEqual([]);
    for (const members of ["0,1,2,3,4,5,6,7,8", "a", "1,,2", "Infinity"])
      expect(previewQuerySchema.safeParse({ members }).success, members).toBe(false);
  });
});

describe("the way from the explorer to the scaling page", () => {
  const alphas = data.slices.all.points.map((p) => p.alpha);
  const slices = ["all", "easy", "medium", "hard"] as const;

  it("keeps the difficulty and adds an evaluated α to the default members", () => {
    const href = scalingHref({ slug: "s", alphas, slices, alpha: 1.5, difficulty: "easy" });
    expect(href).toBe("/experiments/s/scaling?members=0%2C1%2C1.5&difficulty=easy");
  });

  it("adds no member for an estimated α or an endpoint", () => {
    expect(scalingHref({ slug: "s", alphas, slices, alpha: 0.4, difficulty: "all" })).toBe(
      "/experiments/s/scaling?members=0%2C1&difficulty=all",
    );
    expect(scalingHref({ slug: "s", alphas, slices, alpha: 1, difficulty: "hard" })).toBe(
      "/experiments/s/scaling?members=0%2C1&difficulty=hard",
    );
  });
});
