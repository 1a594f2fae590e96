import { z } from "zod";
import type { EnsembleMemberInput } from "../science/ensembleSearchSummary";
import {
  ENSEMBLE_SEARCH_DEFAULTS,
  ENSEMBLE_SEARCH_MAX_BUDGET,
  ENSEMBLE_SEARCH_MAX_MEMBERS,
  ENSEMBLE_SEARCH_MAX_TOP,
} from "./ensembleSearchLimits";
import { difficultySliceSchema } from "./schemas";

const samplesSchema = z
  .number({ error: "must be a number" })
  .int("must be a whole number of samples")
  .min(1, "must be at least 1 sample");

const memberSchema = z.object({
  alpha: z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a finite number"),
  samples: samplesSchema,
});

/** The most members an ensemble request may list (one per checkpoint; sweeps have a few dozen). */
export const ENSEMBLE_MAX_MEMBERS = 64;

/** Body of POST /api/experiments/[slug]/ensembles. */
export const ensembleRequestSchema = z.object({
  members: z
    .array(memberSchema, { error: "must be a list of {alpha, samples}" })
    .min(1, "an ensemble needs at least one member")
    .max(ENSEMBLE_MAX_MEMBERS, `an ensemble has at most ${ENSEMBLE_MAX_MEMBERS} members`),
  difficulty: difficultySliceSchema.default("all"),
  budget: samplesSchema.optional(),
});

const wholeNumber = z.number({ error: "must be a number" }).int("must be a whole number");

/** Body of POST /api/experiments/[slug]/ensembles/search; parses to EnsembleSearchSettings. */
export const ensembleSearchRequestSchema = z.object({
  budget: samplesSchema
    .max(ENSEMBLE_SEARCH_MAX_BUDGET, `must be at most ${ENSEMBLE_SEARCH_MAX_BUDGET} samples`)
    .meta({
      description: "The total sample budget K, split equally over each ensemble's members.",
      example: 250,
    }),
  maxMembers: wholeNumber
    .min(1, "must be at least 1")
    .max(ENSEMBLE_SEARCH_MAX_MEMBERS, `must be at most ${ENSEMBLE_SEARCH_MAX_MEMBERS}`)
    .default(ENSEMBLE_SEARCH_DEFAULTS.maxMembers)
    .meta({ description: "The largest ensemble searched (single checkpoints compete too)." }),
  difficulty: difficultySliceSchema.default("all"),
  top: wholeNumber
    .min(1, "must be at least 1")
    .max(ENSEMBLE_SEARCH_MAX_TOP, `must be at most ${ENSEMBLE_SEARCH_MAX_TOP}`)
    .default(ENSEMBLE_SEARCH_DEFAULTS.top)
    .meta({ description: "How many of the best ensembles to list." }),
});

function parseNumber(text: string): number {
  // Accept the typographic minus that formatAlpha prints, so a copied label still parses.
  const trimmed = text.trim().replace("−", "-");
  return trimmed === "" ? Number.NaN : Number(trimmed);
}

/**
 * Reads a member list written as "α:samples,α:samples" (e.g. "0:84,0.5:83,1.5:83"), the form the
 * CLI's --members and the pass-at-k route's `members` take. Returns an error sentence instead of
 * throwing, so each caller reports it its own way.
 */
export function parseMemberList(text: string): { members: EnsembleMemberInput[] } | { error: string } {
  const members: EnsembleMemberInput[] = [];
  for (const part of text.split(",")) {
    const [alphaText, samplesText, extra] = part.split(":");
    const alpha = parseNumber(alphaText ?? "");
    const samples = parseNumber(samplesText ?? "");
    if (
      extra !== undefined ||
      samplesText === undefined ||
      !Number.isFinite(alpha) ||
      !Number.isFinite(samples)
    ) {
      return { error: `"${part.trim()}" is not a member: write α:samples, e.g. 0.5:83` };
    }
    if (!Number.isInteger(samples) || samples < 1) {
      return { error: `member α = ${alpha} has ${samples} samples: use a whole number of at least 1` };
    }
    members.push({ alpha, samples });
  }
  return { members };
}

/** A comma-separated list of α, e.g. "0,1,1.5". */
const alphaListSchema = z.string().transform((text, ctx) => {
  const alphas = text.split(",").map(parseNumber);
  if (alphas.some((alpha) => !Number.isFinite(alpha))) {
    ctx.addIssue({ code: "custom", message: "must be a comma-separated list of numbers, e.g. 0,1,1.5" });
    return z.NEVER;
  }
  return alphas;
});

const memberListSchema = z.string().transform((text, ctx) => {
  const parsed = parseMemberList(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.members;
});

/** Query of GET /api/experiments/[slug]/pass-at-k. */
export const passAtKQuerySchema = z.object({
  alphas: alphaListSchema
    .optional()
    .meta({ description: "The checkpoints to draw, by α (all when omitted).", example: "0,1,1.5" }),
  difficulty: difficultySliceSchema.default("all"),
  members: memberListSchema.optional().meta({
    description: "An ensemble whose curve to add, as α:samples pairs: its split, scaled to every k.",
    example: "0:84,0.5:83,1.5:83",
  }),
  bands: z
    .enum(["0", "1"], { error: 'must be "0" or "1"' })
    .default("0")
    .meta({ description: '"1" adds 95% bootstrap bands to every curve.' }),
});
