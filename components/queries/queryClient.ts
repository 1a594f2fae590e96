import { isServer, QueryClient } from "@tanstack/react-query";

/** A QueryClient with the app's defaults: no refetch on focus (data changes only on import). */
export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 60_000, refetchOnWindowFocus: false, retry: 1 },
    },
  });
}

let browserClient: QueryClient | undefined;

/**
 * A fresh client per server request (no data shared between users), one client for the whole
 * browser session (so a suspense re-render does not throw the cache away).
 */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserClient ??= makeQueryClient();
  return browserClient;
}
