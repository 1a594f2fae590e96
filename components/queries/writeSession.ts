import { queryOptions } from "@tanstack/react-query";
import type { WriteSessionState } from "../../lib/contracts/auth";
import { fetchJson } from "./fetchJson";

/*
 * The browser's write access on a server with a shared write token: the token is sent once and
 * exchanged for an HttpOnly cookie (lib/server/auth/writeSession.ts), which same-origin writes then
 * carry by themselves. The page never keeps the token: it cannot read the cookie either, so it asks
 * the server whether it holds one.
 */

const PATH = "/api/auth/write-session";

export const writeSessionQuery = queryOptions({
  queryKey: ["write-session"] as const,
  queryFn: ({ signal }) => fetchJson<WriteSessionState>(PATH, { signal }),
  retry: false,
});

/** Exchanges `token` for the write cookie (403 when it is wrong). */
export function unlockWrites(token: string): Promise<null> {
  return fetchJson<null>(PATH, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token }),
  });
}

/** Deletes this browser's write cookie. */
export function forgetWriteToken(): Promise<null> {
  return fetchJson<null>(PATH, { method: "DELETE" });
}
