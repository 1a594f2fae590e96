import { SettingError } from "../../import/settings";

/** Environment variable choosing how people are identified (docs/security.md "Team server"). */
export const AUTH_VARIABLE = "ALPHASCOPE_AUTH";

/**
 * - `none` (unset): today's single-user server — everyone reads, writes come from loopback or carry
 *   ALPHASCOPE_WRITE_TOKEN;
 * - `tokens`: every request carries a personal token (a headless team server fed by CI);
 * - `oidc`: people sign in through the team's OpenID provider; personal tokens work too.
 */
export const AUTH_MODES = ["none", "tokens", "oidc"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** The configured mode; throws SettingError for a value that is none of them. */
export function authMode(env: Readonly<Record<string, string | undefined>> = process.env): AuthMode {
  const text = env[AUTH_VARIABLE]?.trim();
  if (text === undefined || text === "") return "none";
  if (text === "tokens" || text === "oidc") return text;
  throw new SettingError(
    `${AUTH_VARIABLE} must be "tokens" or "oidc" (or unset), got ${JSON.stringify(text)}.`,
  );
}
