import { z } from "zod";
import { roleSchema } from "./users";

/** How a server identifies people (ALPHASCOPE_AUTH; docs/security.md "Team server"). */
export const authModeSchema = z.enum(["none", "tokens", "oidc"]);
export type AuthMode = z.infer<typeof authModeSchema>;

/** The longest `next` path a sign-in carries back (longer ones are dropped for the home page). */
export const NEXT_PATH_MAX_LENGTH = 2000;

/** POST /api/auth/token-signin: a personal token opens a browser session for its user. */
export const tokenSignInSchema = z.object({
  token: z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters"),
  next: z
    .string()
    .max(NEXT_PATH_MAX_LENGTH)
    .optional()
    .meta({ description: "Where to go once signed in: a path of this server (anything else means `/`)." }),
});

/** POST /api/auth/write-session: the shared write token, exchanged for an HttpOnly cookie. */
export const writeSessionRequestSchema = z.object({
  token: z.string().min(1, "must not be empty").max(1000, "must be at most 1000 characters"),
});

/** GET /api/auth/write-session. */
export const writeSessionStateSchema = z
  .object({
    required: z
      .boolean()
      .describe("Whether this server takes writes with a shared write token (ALPHASCOPE_WRITE_TOKEN)."),
    held: z.boolean().describe("Whether this browser holds a valid write cookie for it."),
  })
  .meta({ id: "WriteSessionState" });
export type WriteSessionState = z.infer<typeof writeSessionStateSchema>;

export const signedInUserSchema = z
  .object({
    email: z.string(),
    role: roleSchema,
    via: z
      .enum(["session", "token"])
      .describe("A browser session, or a personal token sent as a bearer token."),
    scope: z
      .enum(["read", "write"])
      .describe("`read`: this session or token may only read, whatever the role."),
  })
  .meta({ id: "SignedInUser" });

/** GET /api/auth/me. */
export const authMeSchema = z
  .object({
    mode: authModeSchema,
    user: signedInUserSchema
      .nullable()
      .describe("Who the request comes from; null when anonymous or without sign-in."),
  })
  .meta({ id: "AuthMe" });

/** POST /api/auth/token-signin's answer. */
export const tokenSignInResponseSchema = z
  .object({
    user: signedInUserSchema,
    next: z.string().describe("The same-origin path to go to now."),
  })
  .meta({ id: "TokenSignIn" });

export type AuthMe = z.infer<typeof authMeSchema>;
export type TokenSignInResponse = z.infer<typeof tokenSignInResponseSchema>;
export type SignedInUser = z.infer<typeof signedInUserSchema>;

/**
 * Why a browser sign-in failed, as the provider's callback sends it to the sign-in page
 * (`/signin?error=<code>`), and what the page says.
 */
export const SIGN_IN_ERRORS = {
  expired: "The sign-in took too long or was started in another browser: please try again.",
  denied: "The identity provider did not sign you in.",
  unverified:
    "The identity provider did not confirm your e-mail address, which alphascope needs to know who you are.",
  failed:
    "The identity provider's answer could not be checked: please try again, or ask the server's administrator.",
} as const;
export type SignInErrorCode = keyof typeof SIGN_IN_ERRORS;
