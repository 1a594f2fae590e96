import { Document, isMap } from "yaml";
import type { Endpoint } from "../contracts/types";
import { describeAlpha, formatAlpha } from "../domain/alpha";
import { type Headline, headlinePhrase } from "./headline";

/** What a mergekit recipe for one α is made of. */
export interface MergekitRecipeInput {
  experiment: { slug: string; name: string };
  version: string;
  alpha: number;
  endpoints: { a: Endpoint; b: Endpoint };
  /** The numbers quoted in the recipe's comment. */
  headline: Headline;
}

/** The command that runs a recipe saved as config.yml. */
export const MERGEKIT_COMMAND = "mergekit-yaml config.yml ./merged";

/** The precision of the weight in the bf16 models mergekit writes is far coarser than this. */
const DTYPE = "bfloat16";

/** 1 − α without binary noise (1 − 0.7 is 0.30000000000000004): 12 significant digits. */
function weight(value: number): number {
  return Number(value.toPrecision(12));
}

/** The placeholder written where an endpoint has no stored model reference. */
export function modelPlaceholder(endpoint: "A" | "B"): string {
  return `FILL-IN-model-of-${endpoint}`;
}

/** A user-supplied text on one comment line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function headlineComment(headline: Headline): string {
  const slice = headline.difficulty === "all" ? "all problems" : `${headline.difficulty} problems`;
  if (headline.status === "none")
    return `α = ${formatAlpha(headline.alpha)} is outside the evaluated range: no measured or estimated numbers (${slice}).`;
  const how = headline.status === "measured" ? "measured" : "estimated (not evaluated)";
  return `${how}, ${slice}, 95% intervals: ${headlinePhrase(headline)}`;
}

/**
 * A mergekit config (the `linear` method) that builds θ(α) = (1 − α)·θ_A + α·θ_B from the two
 * endpoint models: weights 1 − α and α (they sum to 1; one is negative when α extrapolates) with
 * `normalize: false`, which mergekit needs to keep a negative weight as given. An endpoint without a
 * stored model reference gets a placeholder and a comment saying to fill it in; the YAML parses
 * either way. The leading comment names the experiment, α, the data version and its numbers.
 */
export function mergekitRecipe(input: MergekitRecipeInput): string {
  const { alpha, endpoints } = input;
  const weights = { a: weight(1 - alpha), b: weight(alpha) };
  const model = (key: "a" | "b") => endpoints[key].model ?? modelPlaceholder(key === "a" ? "A" : "B");
  const doc = new Document({
    merge_method: "linear",
    models: [
      { model: model("a"), parameters: { weight: weights.a } },
      { model: model("b"), parameters: { weight: weights.b } },
    ],
    parameters: { normalize: false },
    dtype: DTYPE,
  });
  doc.commentBefore = [
    ` alphascope: mergekit recipe for θ(α) = (1 − α)·θ_A + α·θ_B at α = ${formatAlpha(alpha)} (${describeAlpha(alpha)})`,
    ` experiment: ${oneLine(input.experiment.name)} (${input.experiment.slug}), data version ${input.version}`,
    ` ${headlineComment(input.headline)}`,
    ` weights: A ${weights.a}, B ${weights.b} (sum 1); normalize: false keeps them as given`,
    ` run: ${MERGEKIT_COMMAND}`,
  ].join("\n");
  for (const [index, key] of (["a", "b"] as const).entries()) {
    const name = key === "a" ? "A" : "B";
    const note = endpoints[key].model
      ? ` ${name}: ${oneLine(endpoints[key].label)}`
      : ` ${name} (${oneLine(endpoints[key].label)}) has no stored model reference: replace ${modelPlaceholder(name)} with its path or Hugging Face id`;
    const node = doc.getIn(["models", index]);
    if (isMap(node)) node.commentBefore = note;
  }
  return doc.toString({ lineWidth: 0 });
}
