import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { modelReferenceFault } from "@/lib/domain/modelReference";
import { textFault } from "@/lib/formats/storable";
import type { Headline } from "@/lib/responses/headline";
import { type MergekitRecipeInput, mergekitRecipe, yamlNumber } from "@/lib/responses/mergekitRecipe";
import { pyYamlSafeLoad } from "../../support/pyYaml";

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

/** The reference: with U+2028 read as a line break it adds a model to the merge. */
const HIJACK =
  "org/model-A\u2028    parameters:\u2028      weight:\u2028        0\u2028  -\u2028    model:\u2028      attacker/backdoored-model";

/** Plain scalars YAML 1.1 reads as booleans, numbers or dates, and characters it reads as line breaks. */
const TRICKY = [
  "on",
  "yes",
  "no",
  "Off",
  "~",
  "null",
  "1_000",
  "0b101",
  "0x1F",
  "010",
  "12:30:00",
  "2001-12-14",
  "2001-12-14 21:59:43.10 -5",
  ".inf",
  "1e-7",
  "- item",
  "? key",
  "a: b",
  "a #b",
  "'quoted'",
  '"double" \\ back',
  "&anchor",
  "*alias",
  "!!python/object:os.system",
  "org/model\u0085x",
  "org/model\u2029x",
  "org/model\ufeffx",
  "org/model\u200bx",
  "org/model\ufffex",
  "org/model\uffff",
  "org/model\u{1fffe}",
  "org/model\tx\ny\rz\u0000",
  "path with ✓ and 😀",
  HIJACK,
];

type Entry = { model: string; parameters: { weight: number } };

/** The models of a recipe as PyYAML reads it, asserting they are the only two entries. */
function pyModels(text: string): Entry[] {
  const config = pyYamlSafeLoad(text) as { models: Entry[] };
  expect(config.models).toHaveLength(2);
  return config.models;
}

describe("the PyYAML-like reader the recipe tests rely on", () => {
  it("reads the issue's reference, written by a YAML 1.2 writer, as a three-model merge", () => {
    const old = stringify({
      models: [
        { model: HIJACK, parameters: { weight: 1 } },
        { model: "org/model-B", parameters: { weight: 0 } },
      ],
    });
    expect(parse(old).models).toHaveLength(2);
    expect((pyYamlSafeLoad(old) as { models: Entry[] }).models.map((entry) => entry.model)).toEqual([
      "org/model-A",
      "attacker/backdoored-model",
      "org/model-B",
    ]);
  });

  it("resolves plain scalars as PyYAML's safe_load does and refuses U+FFFE", () => {
    expect(
      pyYamlSafeLoad(
        "a: on\nb: 1_000\nc: 0b101\nd: 12:30:00\ne: 2001-12-14\nf: y\ng: 1e-7\nh: 1.0e-7\ni: no",
      ),
    ).toEqual({
      a: true,
      b: 1000,
      c: 5,
      d: 45000,
      e: new Date("2001-12-14T00:00:00Z"),
      f: "y",
      g: "1e-7",
      h: 1e-7,
      i: false,
    });
    expect(() => pyYamlSafeLoad('a: "x\ufffe"')).toThrow(/unacceptable character #xFFFE/);
  });
});

describe("the recipe reads the same in YAML 1.1 (PyYAML, mergekit) and 1.2", () => {
  it.each(TRICKY)("a model reference %j stays one string, the merge two models", (reference) => {
    const text = mergekitRecipe(input(0.25, [reference, "org/b"]));
    expect(text).not.toMatch(/[\u0085\u2028\u2029\ufffe\uffff]/u);
    const expected = [
      { model: reference, parameters: { weight: 0.75 } },
      { model: "org/b", parameters: { weight: 0.25 } },
    ];
    expect(pyModels(text)).toEqual(expected);
    expect(parse(text).models).toEqual(expected);
  });

  it("keeps labels and names that hold line breaks of either version on their comment line", () => {
    const text = mergekitRecipe({
      ...input(0.5),
      experiment: { slug: "s", name: "x\u2028models: []\u0085y" },
      endpoints: {
        a: { label: "L\u2029dtype: float32", model: "org/a" },
        b: { label: "H\ufffe", model: "org/b" },
      },
    });
    expect(pyYamlSafeLoad(text)).toEqual(parse(text));
    expect(parse(text).dtype).toBe("bfloat16");
    expect(text).toContain("# experiment: x models: [] y (s)");
    expect(text).toContain("  # B: H\ufffd");
  });

  it("writes weights both versions read as the same number", () => {
    for (const value of [0, 1, -1, 0.75, -0.5, 1e-7, -2.5e-8, 1e21, 123456789012])
      expect(pyYamlSafeLoad(`w: ${yamlNumber(value)}`)).toEqual({ w: value });
  });

  it("is two models with weights 1 − α and α for any reference the entry rule accepts (property)", () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,20}$/);
    const reference = fc.oneof(
      fc.tuple(segment, segment).map(([org, name]) => `${org}/${name}`),
      fc.tuple(segment, segment, segment).map(([org, name, revision]) => `${org}/${name}@${revision}`),
      fc.string({ unit: "binary", maxLength: 40 }).map((path) => `/${path}`.trim()),
      fc.string({ unit: "binary", maxLength: 40 }).map((path) => `./${path}`.trim()),
      fc.constantFrom(...TRICKY),
    );
    const accepted = reference.filter(
      (text) => (textFault(text, "model") ?? modelReferenceFault(text)) === null,
    );
    const alpha = fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(1e-7, -3e-9, 0.7));
    fc.assert(
      fc.property(accepted, accepted, alpha, (a, b, alphaValue) => {
        const weights = weightsOf(alphaValue);
        expect(pyModels(mergekitRecipe(input(alphaValue, [a, b])))).toEqual([
          { model: a, parameters: { weight: weights[0] } },
          { model: b, parameters: { weight: weights[1] } },
        ]);
      }),
      { seed: 25, numRuns: 400 },
    );
  });

  it("is two models for any text whatsoever forced past the entry rule (property)", () => {
    // Any code point, often one that means something to a YAML reader.
    const character = fc.oneof(
      fc.constantFrom("\u0085", "\u2028", "\u2029", "\ufffe", "\uffff", "\n", " ", ":", "-", "#", '"', "\\"),
      fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
    );
    fc.assert(
      fc.property(fc.string({ unit: character, maxLength: 60 }), (text) => {
        const models = pyModels(mergekitRecipe(input(0.25, [text, "org/b"])));
        expect(models).toEqual([
          { model: text, parameters: { weight: 0.75 } },
          { model: "org/b", parameters: { weight: 0.25 } },
        ]);
      }),
      { seed: 2028, numRuns: 500 },
    );
  });
});

/** The weights the recipe means: 1 − α and α to 12 significant digits. */
function weightsOf(alpha: number): [number, number] {
  return [Number((1 - alpha).toPrecision(12)), Number(alpha.toPrecision(12))];
}
