import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { ProblemsView } from "@/components/problems/ProblemsView";
import { problemCountsQuery } from "@/components/queries/queries";
import { makeQueryClient } from "@/components/queries/queryClient";
import type { ProblemCounts } from "@/lib/contracts/problemTypes";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { getProblemCounts } from "@/lib/server/problemCounts";

export const metadata: Metadata = { title: "Problems" };

/** Results change on import, so every request reads the current counts. */
export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageSearchParams>;
}

/**
 * Loads every problem's counts at every α once on the server and hands them to the browser through
 * the query cache, as the explorer does; ranking, filtering and search happen in the browser.
 */
export default async function ProblemsPage({ params, searchParams }: PageProps) {
  const { slug } = await params;
  let counts: ProblemCounts | null;
  try {
    counts = await getProblemCounts(serverReadDb(), slug);
  } catch (error) {
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  if (!counts) notFound();
  const search = pageQueryString(await searchParams);
  const queryClient = makeQueryClient();
  queryClient.setQueryData(problemCountsQuery(slug).queryKey, counts);
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link href={`/experiments/${encodeURIComponent(slug)}`}>← Explorer</Link>
        </p>
        <h1>Problems</h1>
        <p className="page-lede">
          Which problems each α gains and loses against another: pick two evaluated α to rank every problem by
          the change in its pass rate. The strip shows a problem&apos;s pass rate at every evaluated α, left
          to right (darker: more samples pass; outlined: the two α compared).
        </p>
      </div>
      {counts.alphas.length === 0 ? (
        <p className="muted">
          This experiment has no evaluated checkpoints yet. Import results to see its problems.
        </p>
      ) : (
        <HydrationBoundary state={dehydrate(queryClient)}>
          <ProblemsView slug={slug} initialSearch={search} />
        </HydrationBoundary>
      )}
    </>
  );
}
