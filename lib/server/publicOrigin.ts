import { trustsProxy } from "./clientAddress";

/** The environment variable naming the server's public URL (e.g. https://alphascope.example.org). */
export const PUBLIC_URL_VARIABLE = "ALPHASCOPE_PUBLIC_URL";

function originOf(url: string): URL | null {
  try {
    return new URL(new URL(url).origin);
  } catch {
    return null;
  }
}

/**
 * The origin absolute links to this server start with (og:image): ALPHASCOPE_PUBLIC_URL when set;
 * else, behind a proxy ALPHASCOPE_TRUST_PROXY trusts, its `X-Forwarded-Host` and `-Proto`; else the
 * request's own Host over http (alphascope serves plain HTTP). Forwarding headers from an untrusted
 * client could otherwise point link previews at any site. Null when no usable host is known.
 */
export function publicOrigin(
  headers: Headers,
  env: Readonly<Record<string, string | undefined>> = process.env,
): URL | null {
  const configured = env[PUBLIC_URL_VARIABLE]?.trim();
  if (configured) return originOf(configured);
  const proxied = trustsProxy(env);
  const host =
    (proxied ? headers.get("x-forwarded-host")?.split(",")[0].trim() : null) || headers.get("host");
  const proto =
    proxied && headers.get("x-forwarded-proto")?.split(",")[0].trim() === "https" ? "https" : "http";
  return host ? originOf(`${proto}://${host}`) : null;
}
