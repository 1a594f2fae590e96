import { z } from "zod";
import { emailSchema, visibilitySchema } from "./users";

/** A share's role: a viewer reads the private experiment, an editor also writes it (role permitting). */
export const SHARE_ROLES = ["viewer", "editor"] as const;
export const shareRoleSchema = z.enum(SHARE_ROLES, { error: `must be one of ${SHARE_ROLES.join(", ")}` });
export type ShareRole = z.infer<typeof shareRoleSchema>;

/** PUT /api/experiments/<slug>/shares: share with a user (by e-mail), or change their share's role. */
export const sharePutSchema = z.strictObject({ email: emailSchema, role: shareRoleSchema });

/** DELETE /api/experiments/<slug>/shares: stop sharing with a user. */
export const shareDeleteSchema = z.strictObject({ email: emailSchema });

export const experimentShareSchema = z
  .object({
    email: z.string(),
    role: shareRoleSchema,
    createdAt: z.string().describe("When it was shared (ISO 8601)."),
  })
  .meta({ id: "ExperimentShare" });
export type ExperimentShare = z.infer<typeof experimentShareSchema>;

export const experimentSharesSchema = z
  .object({
    slug: z.string(),
    visibility: visibilitySchema,
    owner: z.string().nullable().describe("The owner's e-mail; null for an experiment without one."),
    shares: z.array(experimentShareSchema),
  })
  .meta({ id: "ExperimentShares" });
export type ExperimentShares = z.infer<typeof experimentSharesSchema>;
