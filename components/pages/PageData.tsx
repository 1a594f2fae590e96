import { dehydrate, HydrationBoundary, type QueryKey } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import type { ReactNode } from "react";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { makeQueryClient } from "@/components/queries/queryClient";
import { pageSignInPath, readForPage } from "@/lib/server/pages";

/**
 * Every page's prologue in one place: read what the page shows (through lib/server), answer the
 * not-found page for what does not exist (`read` resolving null, or a NotFoundError — also what the
 * visitor may not read), the sign-in page for an anonymous visitor on what is not public, and the
 * database-unavailable page while PostgreSQL is down, else render with the data.
 */
export async function withPageData<T>(
  read: () => Promise<T | null>,
  render: (data: T) => ReactNode | Promise<ReactNode>,
): Promise<ReactNode> {
  const result = await readForPage(read);
  if (result.kind === "unavailable") return <DatabaseUnavailable />;
  if (result.kind === "sign-in") redirect(await pageSignInPath());
  if (result.kind === "not-found" || result.data === null) notFound();
  return render(result.data);
}

/** One query-cache entry the server already read, handed to the browser's client components. */
export type SeededQuery = readonly [key: QueryKey, data: unknown];

/**
 * Seeds a fresh per-request query cache with what the server read and hydrates the client components
 * below with it, so they start with the data instead of fetching it again.
 */
export function Seeded({ queries, children }: { queries: readonly SeededQuery[]; children: ReactNode }) {
  const queryClient = makeQueryClient();
  for (const [key, data] of queries) queryClient.setQueryData(key, data);
  return <HydrationBoundary state={dehydrate(queryClient)}>{children}</HydrationBoundary>;
}
