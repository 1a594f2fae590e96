import { type ParseArgsConfig, parseArgs } from "node:util";
import type { z } from "zod";
import { isSlug, SLUG_RULE } from "../domain/slug";
import { UsageError } from "./context";

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** A negative number, or a list that starts with one: `-0.5`, `-.5`, `-1e-1`, `-0.75:84,1.5:83`. */
const NEGATIVE_VALUE = /^-\.?\d/;

/** The option a token names (`--alpha`, or `-a` when an option has that short name), if any. */
function optionNamed(token: string, options: ParseArgsOptionsConfig): string | undefined {
  if (token.startsWith("--")) return token.slice(2);
  if (token.length !== 2 || token[0] !== "-") return undefined;
  return Object.keys(options).find((name) => options[name].short === token[1]);
}

/**
 * Joins a value-taking option and a following negative number into one `--option=value` token.
 * node:util parseArgs refuses `--alpha -0.5` as ambiguous (a value that starts with a dash might be a
 * forgotten value followed by another option) and accepts only `--alpha=-0.5`; on an α sweep negative
 * numbers are everyday values, and no option of this CLI looks like a number, so such a token can only
 * be the value. Anything after `--` is left as it is.
 */
export function joinNegativeValues(args: readonly string[], options: ParseArgsOptionsConfig): string[] {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i];
    if (token === "--") {
      joined.push(...args.slice(i));
      break;
    }
    const name = optionNamed(token, options);
    const next = args[i + 1];
    if (
      name !== undefined &&
      options[name]?.type === "string" &&
      next !== undefined &&
      NEGATIVE_VALUE.test(next)
    ) {
      joined.push(`--${name}=${next}`);
      i++;
    } else {
      joined.push(token);
    }
  }
  return joined;
}

/**
 * Parses a command's arguments with node:util parseArgs (strict: unknown options and missing values are
 * errors), after {@link joinNegativeValues}. An option that takes one value given twice is refused
 * rather than letting the last one silently win (`--alpha 0.3 --alpha 0.4` is a typo either way).
 * Throws UsageError; parseArgs' own errors are TypeErrors with an ERR_PARSE_ARGS code, which
 * runCli prints as usage errors.
 */
export function parseCommandArgs<const O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  options: O,
  { allowPositionals = false } = {},
) {
  const { values, positionals, tokens } = parseArgs({
    args: joinNegativeValues(args, options),
    options,
    allowPositionals,
    strict: true,
    tokens: true,
  });
  const seen = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind !== "option" || token.value === undefined) continue;
    if (options[token.name].multiple) continue;
    const earlier = seen.get(token.name);
    if (earlier !== undefined) {
      throw new UsageError(
        `--${token.name} is given twice ("${earlier}" and "${token.value}"): give it once.`,
      );
    }
    seen.set(token.name, token.value);
  }
  return { values, positionals };
}

/**
 * An experiment slug given on the command line (`option` names the flag it came with, if any),
 * refused with the rule when it is not one, where a lookup could only answer "no experiment".
 */
export function slugArgument(text: string, option?: string): string {
  if (isSlug(text)) return text;
  const given = option === undefined ? JSON.stringify(text) : `${option} ${JSON.stringify(text)}`;
  throw new UsageError(`${given} is not an experiment slug: it must be ${SLUG_RULE}.`);
}

/** A command-line value checked by `schema`, or a UsageError naming the field and what was wrong. */
export function cliValue<T>(schema: z.ZodType<T>, value: string | number, field: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError(
    `${field} ${JSON.stringify(value)} ${parsed.error.issues[0]?.message ?? "is not valid"}.`,
  );
}
