import { authMode } from "./mode";
import { oidcSettings } from "./oidcSettings";
import { sessionHours } from "./sessionCookie";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Checks the sign-in settings before the server starts (scripts/start.ts), and says what they mean:
 * a SettingError naming the variable stops `npm start` at once rather than at the first sign-in.
 */
export function signInStartupMessage(env: Env = process.env): string | null {
  const mode = authMode(env);
  if (mode === "none") return null;
  const hours = sessionHours(env);
  if (mode === "tokens") {
    return `Sign-in: personal tokens (ALPHASCOPE_AUTH=tokens); browsers sign in with a token at /signin, sessions last ${hours} h after their last use.`;
  }
  const settings = oidcSettings(env);
  return `Sign-in: OpenID Connect through ${settings.issuer.href} (client ${settings.clientId}, redirect URI ${settings.redirectUri}); new users are ${settings.defaultRole}s; sessions last ${hours} h after their last use.`;
}
