/*
 * The write token a browser tab sends with its sharing writes (snapshots, saved views) on a server
 * that requires one (docs/security.md): typed once, kept in sessionStorage, so it lives as long as
 * the tab and is never written into a link or sent to another site.
 */

const KEY = "alphascope-write-token";

/** The tab's write token; "" when none is set (or storage is unavailable). */
export function storedWriteToken(): string {
  try {
    return window.sessionStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

export function storeWriteToken(token: string): void {
  try {
    if (token) window.sessionStorage.setItem(KEY, token);
    else window.sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (a private window's quota): the token then lasts only for this field.
  }
}

/** The Authorization header of a write, when the tab has a token. */
export function writeTokenHeaders(): Record<string, string> {
  const token = storedWriteToken();
  return token ? { authorization: `Bearer ${token}` } : {};
}
