import { z } from "zod";
import { SETTINGS } from "../domain/setting";
import { experimentListItemSchema } from "./experimentSchemas";
import { experimentThumbnailSchema } from "./experimentThumbnail";

/** The columns the home page's list sorts by: each one is indexed together with the slug (keyset paging). */
export const EXPERIMENT_SORTS = ["updated", "name", "benchmark", "setting", "scale", "family"] as const;
export type ExperimentSort = (typeof EXPERIMENT_SORTS)[number];

/** Longest page a client may ask for: a page is rendered whole, so it stays small. */
export const EXPERIMENT_PAGE_MAX = 200;

const filterText = z.string().trim().max(200, "must be at most 200 characters");

/**
 * Query of GET /api/experiments. Filters match exactly (benchmark, setting, scale, family, study
 * slug, synthetic); `q` matches a substring of the name, slug, benchmark or either model reference.
 * With `limit`, the answer is a page `{total, items, nextCursor}`; `cursor` is the previous page's
 * `nextCursor` (keyset: a page never skips or repeats a row when others are added meanwhile).
 */
export const experimentListQuerySchema = z.object({
  q: filterText.optional(),
  benchmark: filterText.optional(),
  setting: z.enum(SETTINGS, { error: `must be one of ${SETTINGS.join(", ")}` }).optional(),
  scale: filterText.optional(),
  family: filterText.optional(),
  study: filterText.optional(),
  synthetic: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
  sort: z
    .enum(EXPERIMENT_SORTS, { error: `must be one of ${EXPERIMENT_SORTS.join(", ")}` })
    .default("updated"),
  order: z.enum(["asc", "desc"], { error: 'must be "asc" or "desc"' }).optional(),
  limit: z.coerce
    .number({ error: "must be a number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(EXPERIMENT_PAGE_MAX, `must be at most ${EXPERIMENT_PAGE_MAX}`)
    .optional(),
  cursor: z.string().max(1000, "must be at most 1000 characters").optional(),
});
export type ExperimentListQuery = z.infer<typeof experimentListQuerySchema>;

/** The default direction of each sort: newest first, names A→Z. */
export function sortOrder(query: Pick<ExperimentListQuery, "sort" | "order">): "asc" | "desc" {
  return query.order ?? (query.sort === "updated" ? "desc" : "asc");
}

/** A row of a queried list: the list row, the model columns it filters by, and the frontier's thumbnail. */
export const experimentPageItemSchema = experimentListItemSchema
  .extend({
    modelScale: z.string().nullable(),
    modelFamily: z.string().nullable(),
    thumbnail: experimentThumbnailSchema
      .nullable()
      .describe("null while the statistics worker has not stored it for this version yet."),
  })
  .meta({ id: "ExperimentPageItem" });
export type ExperimentPageItem = z.infer<typeof experimentPageItemSchema>;

export const experimentPageSchema = z
  .object({
    total: z.number().int().describe("How many experiments match the filters (all pages)."),
    offset: z.number().int().describe("How many matching experiments come before this page."),
    items: z.array(experimentPageItemSchema),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page."),
    previousCursor: z
      .string()
      .nullable()
      .describe(
        "Pass as `cursor` for the previous page; null when the previous page is the first (ask without `cursor`) or there is none (`offset` 0).",
      ),
  })
  .meta({ id: "ExperimentPage" });
export type ExperimentPage = z.infer<typeof experimentPageSchema>;

/** The values each filter of the home page offers: distinct benchmarks, scales, families, and the studies. */
export interface ExperimentFacets {
  benchmarks: string[];
  scales: string[];
  families: string[];
  studies: { slug: string; name: string }[];
}
