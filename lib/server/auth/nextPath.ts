import { NEXT_PATH_MAX_LENGTH } from "../../contracts/auth";
import { SIGN_IN_PATH } from "./paths";

const BASE = "http://alphascope.invalid";

/**
 * Where a sign-in may send the browser afterwards: `next` when it is a path of this server
 * (`/experiments/x?alpha=1`), else `/`. Refused, so that a link to the sign-in page can never send
 * a freshly signed-in user to another site (an open redirect): absolute URLs, scheme-relative
 * `//evil.example`, backslashes (`/\evil.example`, which browsers read as `//`), control characters,
 * anything that resolves to another origin; also the sign-in page and the sign-in API themselves
 * (no loops).
 */
export function safeNextPath(next: string | null | undefined): string {
  if (!next || next.length > NEXT_PATH_MAX_LENGTH) return "/";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (!next.startsWith("/") || next.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(next)) return "/";
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE) return "/";
  if (url.pathname === SIGN_IN_PATH || url.pathname.startsWith("/api/auth/")) return "/";
  return `${url.pathname}${url.search}${url.hash}`;
}
