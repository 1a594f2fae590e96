import { z } from "zod";
import { SETTINGS, type Setting } from "../domain/setting";
import { slugSchema } from "./schemas";

/** A study on the home page: its name and how many experiments it groups. */
export interface StudyListItem {
  slug: string;
  name: string;
  experiments: number;
}

/** One experiment of a study, with where the grid places it. */
export interface StudyExperiment {
  slug: string;
  name: string;
  benchmark: string;
  setting: Setting;
  modelFamily: string | null;
  modelScale: string | null;
  synthetic: boolean;
  /** Its row (model scale) and column (setting) in `rows` and `columns`. */
  row: number;
  column: number;
}

/**
 * GET /api/studies/<slug>: the study's experiments and the grid they make: columns are the settings
 * present (in the settings' own order), rows the model scales present (sorted by their number where
 * they start with one, e.g. "7B" before "32B"; experiments without a scale make one row "unknown
 * scale"). A cell may hold several experiments (same setting and scale): they are drawn side by side.
 * Experiments are listed row by row, each row by column.
 */
export interface StudyDetail {
  slug: string;
  name: string;
  experiments: StudyExperiment[];
  /** Row labels: model scales, or the one label "unknown scale". */
  rows: string[];
  /** Column labels: settings. */
  columns: Setting[];
}

export const studyListItemSchema = z
  .object({ slug: z.string(), name: z.string(), experiments: z.int().nonnegative() })
  .meta({ id: "StudyListItem" });

export const studyDetailSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    experiments: z.array(
      z.object({
        slug: z.string(),
        name: z.string(),
        benchmark: z.string(),
        setting: z.enum(SETTINGS),
        modelFamily: z.string().nullable(),
        modelScale: z.string().nullable(),
        synthetic: z.boolean(),
        row: z.int().nonnegative(),
        column: z.int().nonnegative(),
      }),
    ),
    rows: z.array(z.string()),
    columns: z.array(z.enum(SETTINGS)),
  })
  .meta({ id: "StudyDetail" });

/** The study path parameter. */
export const studyParamsSchema = z.object({ slug: slugSchema });
