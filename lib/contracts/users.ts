import { z } from "zod";

/**
 * What a user may do on a team server (docs/security.md "Team server"): a viewer reads; an editor
 * also imports, replaces, deletes, edits metadata, shares and saves views; an admin also manages
 * users, roles and others' tokens, restores and reads the audit trail. Ordered, lowest first.
 */
export const ROLES = ["viewer", "editor", "admin"] as const;
export const roleSchema = z.enum(ROLES, { error: `must be one of ${ROLES.join(", ")}` });
export type Role = z.infer<typeof roleSchema>;

/** True when `role` grants at least what `required` does. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Who may read an experiment when sign-in is on; ignored in the zero-configuration mode. */
export const VISIBILITIES = ["team", "private", "public"] as const;
export const visibilitySchema = z.enum(VISIBILITIES, { error: `must be one of ${VISIBILITIES.join(", ")}` });
export type Visibility = z.infer<typeof visibilitySchema>;

/** An e-mail address as users are stored: trimmed and lower-cased (one address, one user). */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an e-mail address" }).max(320, "must be at most 320 characters"));

export const userSchema = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string().nullable(),
    role: roleSchema,
    createdAt: z.string().describe("When the user was added (ISO 8601)."),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof userSchema>;
