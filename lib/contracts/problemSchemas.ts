import { z } from "zod";
import { DEFAULT_DETECTABLE_CHANGE } from "../science/power";
import { difficultySliceSchema } from "./schemas";

/** Rows a page of GET /api/experiments/[slug]/problems holds unless `limit` says otherwise. */
export const PROBLEMS_DEFAULT_LIMIT = 100;
/** The most rows one page may hold. */
export const PROBLEMS_MAX_LIMIT = 1000;

/** An α in a query, as links write it (the typographic minus that α labels print included). */
const alphaParamSchema = z.string({ error: "is required: give an evaluated α" }).transform((text, ctx) => {
  const trimmed = text.trim().replace("−", "-");
  const value = Number(trimmed);
  if (trimmed === "" || !Number.isFinite(value)) {
    ctx.addIssue({ code: "custom", message: "must be a number" });
    return z.NEVER;
  }
  return value;
});

/** Query of GET /api/experiments/[slug]/problems. */
export const problemChangesQuerySchema = z.object({
  from: alphaParamSchema,
  to: alphaParamSchema,
  difficulty: difficultySliceSchema.default("all"),
  order: z.enum(["desc", "asc"], { error: 'must be "desc" or "asc"' }).default("desc"),
  sort: z
    .enum(["delta", "shrunk"], { error: 'must be "delta" or "shrunk"' })
    .default("delta")
    .meta({ description: "Rank by the raw Δ or by the Δ shrunk toward 0 (empirical Bayes)." }),
  detect: z.coerce
    .number({ error: "must be a number of percentage points" })
    .refine((value) => value > 0 && value <= 100, "must be a number of points in (0, 100]")
    .default(DEFAULT_DETECTABLE_CHANGE * 100)
    .meta({
      description:
        "The change in mean pass rate, in points, whose samples per problem `power.samplesPerProblem` gives (default 2).",
    }),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(PROBLEMS_MAX_LIMIT, `must be at most ${PROBLEMS_MAX_LIMIT}`)
    .default(PROBLEMS_DEFAULT_LIMIT),
  offset: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be at least 0")
    .default(0),
});

export type ProblemChangesQuery = z.infer<typeof problemChangesQuerySchema>;

/** A problem id in a URL path: the benchmark's own id, as stored. */
export const problemIdSchema = z.string().min(1, "must not be empty").max(512, "is too long");
