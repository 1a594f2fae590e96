import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";

/** Experiment slugs: lowercase letters, digits and dashes, as they appear in URLs. */
export const slugSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,99}$/,
    "must be lowercase letters, digits and dashes (at most 100 characters)",
  );

export const difficultySliceSchema = z.enum(DIFFICULTY_SLICES);

/** A finite α written as a decimal number. */
export const alphaSchema = z.coerce
  .number({ error: "must be a number" })
  .refine((value) => Number.isFinite(value), "must be a finite number");
