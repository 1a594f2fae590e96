import { type Role, roleSchema } from "../../contracts/users";
import { SettingError } from "../../import/settings";
import { isLoopbackAddress } from "../clientAddress";
import { PUBLIC_URL_VARIABLE } from "../publicOrigin";

type Env = Readonly<Record<string, string | undefined>>;

export const OIDC_ISSUER_VARIABLE = "ALPHASCOPE_OIDC_ISSUER";
export const OIDC_CLIENT_ID_VARIABLE = "ALPHASCOPE_OIDC_CLIENT_ID";
export const OIDC_CLIENT_SECRET_VARIABLE = "ALPHASCOPE_OIDC_CLIENT_SECRET";
export const OIDC_DEFAULT_ROLE_VARIABLE = "ALPHASCOPE_OIDC_DEFAULT_ROLE";

/** The path the provider sends people back to; registered with the provider as `<public URL><path>`. */
export const CALLBACK_PATH = "/api/auth/callback";

/** What ALPHASCOPE_AUTH=oidc needs, checked. */
export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** The origin people reach the server at (ALPHASCOPE_PUBLIC_URL). */
  publicOrigin: string;
  redirectUri: string;
  /** The role of a person's first sign-in (an existing user keeps theirs). */
  defaultRole: Role;
}

/** True for http://localhost, 127.0.0.0/8 and [::1]: a provider on this machine (tests, a local IdP). */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return host === "localhost" || isLoopbackAddress(host);
}

function httpUrl(name: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SettingError(
      `${name} must be an absolute URL (e.g. https://id.example.org), got ${JSON.stringify(text)}.`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new SettingError(`${name} must be an http(s) URL, got ${JSON.stringify(text)}.`);
  }
  return url;
}

/**
 * The OpenID Connect settings from the environment. Throws a SettingError naming every missing
 * variable, or the first unusable one: the issuer must be https (plain http only on loopback, where
 * nothing crosses a network), the public URL an http(s) origin, the default role viewer or editor
 * (an admin is made on purpose, with `alphascope users add <email> --role admin`, never by a
 * sign-in).
 */
export function oidcSettings(env: Env = process.env): OidcSettings {
  const value = (name: string) => env[name]?.trim() ?? "";
  const required = [
    OIDC_ISSUER_VARIABLE,
    OIDC_CLIENT_ID_VARIABLE,
    OIDC_CLIENT_SECRET_VARIABLE,
    PUBLIC_URL_VARIABLE,
  ];
  const missing = required.filter((name) => value(name) === "");
  if (missing.length > 0) {
    throw new SettingError(
      `ALPHASCOPE_AUTH=oidc needs ${missing.join(", ")} (docs/deploy.md "Sign-in with OpenID Connect").`,
    );
  }
  const issuer = httpUrl(OIDC_ISSUER_VARIABLE, value(OIDC_ISSUER_VARIABLE));
  if (issuer.protocol !== "https:" && !isLoopbackUrl(issuer)) {
    throw new SettingError(
      `${OIDC_ISSUER_VARIABLE} must be an https URL (plain http only for a provider on this machine), got ${JSON.stringify(issuer.href)}.`,
    );
  }
  const publicUrl = httpUrl(PUBLIC_URL_VARIABLE, value(PUBLIC_URL_VARIABLE));
  if (publicUrl.pathname !== "/" || publicUrl.search !== "" || publicUrl.hash !== "") {
    throw new SettingError(
      `${PUBLIC_URL_VARIABLE} must be the server's origin, without a path (e.g. https://alphascope.example.org), got ${JSON.stringify(publicUrl.href)}.`,
    );
  }
  const roleText = value(OIDC_DEFAULT_ROLE_VARIABLE) || "viewer";
  const role = roleSchema.safeParse(roleText);
  if (!role.success || role.data === "admin") {
    throw new SettingError(
      `${OIDC_DEFAULT_ROLE_VARIABLE} must be viewer or editor (admins are added with \`alphascope users add <email> --role admin\`), got ${JSON.stringify(roleText)}.`,
    );
  }
  return {
    issuer,
    clientId: value(OIDC_CLIENT_ID_VARIABLE),
    clientSecret: value(OIDC_CLIENT_SECRET_VARIABLE),
    publicOrigin: publicUrl.origin,
    redirectUri: `${publicUrl.origin}${CALLBACK_PATH}`,
    defaultRole: role.data,
  };
}
