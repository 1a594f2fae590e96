import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import type { Headline } from "@/lib/responses/headline";
import { type MergekitRecipeInput, mergekitRecipe } from "@/lib/responses/mergekitRecipe";

const headline = (alpha: number, status: Headline["status"]): Headline => ({
  alpha,
  difficulty: "hard",
  status,
  values:
    status === "none"
      ? []
      : [{ id: "solveRate", label: "solve rate", shortLabel: "Solve", text: "42.1% [40.0%, 44.3%]" }],
});

const input = (
  alpha: number,
  models: [string | null, string | null] = ["org/a", "org/b"],
): MergekitRecipeInput => ({
  experiment: { slug: "sweep", name: "Coverage\nsweep" },
  version: "v-123",
  alpha,
  endpoints: { a: { label: "Low", model: models[0] }, b: { label: "High", model: models[1] } },
  headline: headline(alpha, "measured"),
});

const weights = (yaml: string): number[] =>
  parse(yaml).models.map((entry: { parameters: { weight: number } }) => entry.parameters.weight);

describe("the mergekit recipe", () => {
  it("is a linear merge of A and B weighted 1 − α and α, normalize off, with a dtype", () => {
    expect(parse(mergekitRecipe(input(0.25)))).toEqual({
      merge_method: "linear",
      models: [
        { model: "org/a", parameters: { weight: 0.75 } },
        { model: "org/b", parameters: { weight: 0.25 } },
      ],
      parameters: { normalize: false },
      dtype: "bfloat16",
    });
  });

  it("has weights that sum to 1, negative on A beyond B and on B beyond A, without binary noise", () => {
    for (const alpha of [-1, -0.3, 0, 0.1, 0.7, 1, 1.5, 2.25, 10]) {
      const [a, b] = weights(mergekitRecipe(input(alpha)));
      expect(a + b).toBeCloseTo(1, 12);
      expect(b).toBe(alpha);
      if (alpha > 1) expect(a).toBeLessThan(0);
      if (alpha < 0) expect(b).toBeLessThan(0);
    }
    expect(weights(mergekitRecipe(input(0.7)))[0]).toBe(0.3);
  });

  it("says experiment, α, version, how the numbers were obtained and the command, each on a comment line", () => {
    const text = mergekitRecipe(input(1.5));
    const comments = text.split("\n").filter((line) => line.startsWith("#"));
    expect(comments).toEqual([
      "# alphascope: mergekit recipe for θ(α) = (1 − α)·θ_A + α·θ_B at α = 1.5 (extrapolation beyond B)",
      "# experiment: Coverage sweep (sweep), data version v-123",
      "# measured, hard problems, 95% intervals: solve rate 42.1% [40.0%, 44.3%]",
      "# weights: A -0.5, B 1.5 (sum 1); normalize: false keeps them as given",
      "# run: mergekit-yaml config.yml ./merged",
    ]);
    const estimated = mergekitRecipe({ ...input(0.3), headline: headline(0.3, "estimated") });
    expect(estimated).toContain("# estimated (not evaluated), hard problems");
    const outside = mergekitRecipe({ ...input(9), headline: headline(9, "none") });
    expect(outside).toContain("# α = 9 is outside the evaluated range: no measured or estimated numbers");
  });

  it("leaves a placeholder with a comment where an endpoint has no model reference, and still parses", () => {
    const text = mergekitRecipe(input(0.5, [null, "org/b"]));
    expect(parse(text).models[0].model).toBe("FILL-IN-model-of-A");
    expect(text).toContain(
      "  # A (Low) has no stored model reference: replace FILL-IN-model-of-A with its path or Hugging Face id",
    );
    expect(text).toContain("  # B: High");
  });
});
