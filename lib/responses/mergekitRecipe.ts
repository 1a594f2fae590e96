import type { Endpoint } from "../contracts/types";
import { describeAlpha, formatAlpha } from "../domain/alpha";
import { isNoncharacter } from "../domain/text";
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

// The recipe is written by hand, not with the `yaml` package: mergekit reads it with PyYAML's
// `safe_load`, a YAML 1.1 reader, and the package writes YAML 1.2, which leaves U+0085, U+2028 and
// U+2029 raw (1.1 line breaks: a reference holding them could add models to the merge) and writes
// strings such as `on`, `1_000` or `2001-12-14` plain (1.1 booleans, numbers and dates). So every
// string is double-quoted with those characters escaped, and every number is written in a form both
// versions read as the same number; tests/unit/responses/mergekitRecipe.test.ts reads each recipe the
// way PyYAML does.

/** Characters written as an escape inside a double-quoted string: see {@link quoted}. */
const ESCAPED = /["\\\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

function escapeSequence(character: string): string {
  if (character === '"' || character === "\\") return `\\${character}`;
  const point = character.codePointAt(0) ?? 0xfffd;
  // A lone surrogate cannot be written in UTF-8 (the stored-text rule keeps it out anyway).
  if (point >= 0xd800 && point <= 0xdfff) return "\\uFFFD";
  const hex = point.toString(16).toUpperCase();
  return point > 0xffff ? `\\U${hex.padStart(8, "0")}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * A YAML double-quoted string that YAML 1.1 and 1.2 read as `text`: quotes, backslashes, control
 * and format characters, line and paragraph separators and noncharacters escaped, the rest as is.
 */
export function quoted(text: string): string {
  let out = "";
  for (const character of text) {
    const point = character.codePointAt(0) ?? 0;
    out += ESCAPED.test(character) || isNoncharacter(point) ? escapeSequence(character) : character;
  }
  return `"${out}"`;
}

/**
 * A finite number as YAML 1.1 and 1.2 both read it: an integer as digits, anything else with a
 * decimal point and a signed exponent (1.1 reads `1e-7` as a string).
 */
export function yamlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`a recipe weight must be finite, got ${value}`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  const [mantissa, exponent] = text.split("e");
  return `${mantissa.includes(".") ? mantissa : `${mantissa}.0`}e${/^[-+]/.test(exponent) ? exponent : `+${exponent}`}`;
}

/**
 * A user-supplied text on one comment line: runs of white space, control, format and separator
 * characters (line breaks to YAML 1.1 or 1.2) become one space, noncharacters U+FFFD.
 */
function oneLine(text: string): string {
  return [...text.replace(/[\s\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]+/gu, " ")]
    .map((character) => (isNoncharacter(character.codePointAt(0) ?? 0) ? "\uFFFD" : character))
    .join("")
    .trim();
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
  const comments = [
    `alphascope: mergekit recipe for θ(α) = (1 − α)·θ_A + α·θ_B at α = ${formatAlpha(alpha)} (${describeAlpha(alpha)})`,
    `experiment: ${oneLine(input.experiment.name)} (${oneLine(input.experiment.slug)}), data version ${oneLine(input.version)}`,
    headlineComment(input.headline),
    `weights: A ${weights.a}, B ${weights.b} (sum 1); normalize: false keeps them as given`,
    `run: ${MERGEKIT_COMMAND}`,
  ];
  const lines = [
    ...comments.map((line) => `# ${oneLine(line)}`),
    "",
    `merge_method: ${quoted("linear")}`,
    "models:",
  ];
  for (const key of ["a", "b"] as const) {
    const name = key === "a" ? "A" : "B";
    const { label, model } = endpoints[key];
    lines.push(
      model
        ? `  # ${name}: ${oneLine(label)}`
        : `  # ${name} (${oneLine(label)}) has no stored model reference: replace ${modelPlaceholder(name)} with its path or Hugging Face id`,
      `  - model: ${quoted(model ?? modelPlaceholder(name))}`,
      "    parameters:",
      `      weight: ${yamlNumber(weights[key])}`,
    );
  }
  lines.push("parameters:", "  normalize: false", `dtype: ${quoted(DTYPE)}`);
  return `${lines.join("\n")}\n`;
}
