import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { SLUG_PATTERN, SLUG_RULE } from "../domain/slug";

/** Experiment slugs: lowercase letters, digits and dashes, as they appear in URLs. */
export const slugSchema = z.string().regex(SLUG_PATTERN, `must be ${SLUG_RULE}`);

export const difficultySliceSchema = z.enum(DIFFICULTY_SLICES);

/** A finite α written as a decimal number. */
export const alphaSchema = z.coerce
  .number({ error: "must be a number" })
  .refine((value) => Number.isFinite(value), "must be a finite number");
