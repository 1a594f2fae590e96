import { z } from "zod";
import { emailSchema, roleSchema } from "./users";

/** A personal token's scope: `read` never writes, whatever its user's role; `write` acts with the role. */
export const TOKEN_SCOPES = ["read", "write"] as const;
export const tokenScopeSchema = z.enum(TOKEN_SCOPES, { error: `must be one of ${TOKEN_SCOPES.join(", ")}` });
export type TokenScope = z.infer<typeof tokenScopeSchema>;

/** The longest a token may live, in days (ten years). */
export const TOKEN_MAX_DAYS = 3650;

export const tokenNameSchema = z
  .string({ error: "must be a text" })
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters");

export const tokenDaysSchema = z
  .number({ error: "must be a number" })
  .int("must be a whole number of days")
  .min(1, "must be at least 1 day")
  .max(TOKEN_MAX_DAYS, `must be at most ${TOKEN_MAX_DAYS} days`);

/** A token as its owner and admins see it (its secret is shown once, at creation, and never stored). */
export const apiTokenSchema = z
  .object({
    id: z.number().int(),
    userEmail: z.string(),
    name: z.string(),
    scope: tokenScopeSchema,
    createdAt: z.string().describe("ISO 8601."),
    lastUsedAt: z.string().nullable().describe("When a request last carried it (ISO 8601), or null."),
    expiresAt: z.string().nullable().describe("When it stops working (ISO 8601), or null: never."),
    revokedAt: z.string().nullable().describe("When it was revoked (ISO 8601), or null."),
  })
  .meta({ id: "ApiToken" });
export type ApiToken = z.infer<typeof apiTokenSchema>;

/** POST /api/tokens: a token for the caller (an admin may name another user). */
export const tokenCreateSchema = z
  .object({
    name: tokenNameSchema,
    scope: tokenScopeSchema,
    expiresInDays: tokenDaysSchema.optional(),
    user: emailSchema
      .optional()
      .meta({ description: "Admins only: whose token it is (default: the caller)." }),
  })
  .strict();

export type TokenCreate = z.infer<typeof tokenCreateSchema>;

export const tokenCreatedSchema = z
  .object({
    token: apiTokenSchema,
    secret: z
      .string()
      .describe("The token itself, shown this once: send it as `Authorization: Bearer <secret>`."),
  })
  .meta({ id: "ApiTokenCreated" });

/** GET /api/tokens: the caller's tokens (an admin may ask for another user's, or `all`). */
export const tokenQuerySchema = z.object({
  user: emailSchema.optional().meta({ description: "Admins only: this user's tokens." }),
});

/** A token's or a user's id, as a path parameter. */
export const accountIdSchema = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(2_147_483_647, "is too large");

/** POST /api/users: adds a user (or changes the role of the one with this e-mail). */
export const userPutSchema = z.object({ email: emailSchema, role: roleSchema }).strict();

/** PATCH /api/users/<id>: changes a user's role. */
export const userPatchSchema = z.object({ role: roleSchema }).strict();

/** The `{id}` path parameter of /api/tokens/<id> and /api/users/<id>. */
export const accountIdPath = z.object({ id: accountIdSchema });
