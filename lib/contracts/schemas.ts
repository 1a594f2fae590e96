import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { SLUG_PATTERN, SLUG_RULE } from "../domain/slug";
import { DEFAULT_FRONTIER_AXES } from "../science/guardedPareto";
import { METRIC_IDS } from "../science/metricRegistry";
import { versionQuerySchema } from "./versions";

/** Experiment slugs: lowercase letters, digits and dashes, as they appear in URLs. */
export const slugSchema = z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`);

export const difficultySliceSchema = z.enum(DIFFICULTY_SLICES);

/** A finite α written as a decimal number. */
export const alphaSchema = z.coerce
  .number({ error: "must be a number" })
  .refine((value) => Number.isFinite(value), "must be a finite number");

/** Query of GET /api/experiments/[slug]/frontier: the axes of the Pareto set each slice reports. */
export const frontierQuerySchema = z.object({
  x: z
    .enum(METRIC_IDS, { error: `must be a metric id (${METRIC_IDS.join(", ")})` })
    .default(DEFAULT_FRONTIER_AXES.x),
  y: z
    .enum(METRIC_IDS, { error: `must be a metric id (${METRIC_IDS.join(", ")})` })
    .default(DEFAULT_FRONTIER_AXES.y),
  collapsed: z.enum(["exclude", "include"], { error: 'must be "exclude" or "include"' }).default("exclude"),
  version: versionQuerySchema.shape.version,
});
