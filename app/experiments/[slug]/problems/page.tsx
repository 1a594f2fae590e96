import type { Metadata } from "next";
import Link from "next/link";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { ProblemsView } from "@/components/problems/ProblemsView";
import { problemCountsQuery } from "@/components/queries/queries";
import { serverReadDb } from "@/lib/server/db";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { readableBy } from "@/lib/server/pages";
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
  const search = pageQueryString(await searchParams);
  return withPageData(
    readableBy(slug, () => getProblemCounts(serverReadDb(), slug)),
    (counts) => (
      <>
        <div className="page-heading">
          <p className="muted">
            <Link href={`/experiments/${encodeURIComponent(slug)}`}>← Explorer</Link>
          </p>
          <h1>Problems</h1>
          <p className="page-lede">
            Which problems each α gains and loses against another: pick two evaluated α to rank every problem
            by the change in its pass rate. The strip shows a problem&apos;s pass rate at every evaluated α,
            left to right (darker: more samples pass; outlined: the two α compared).
          </p>
        </div>
        {counts.alphas.length === 0 ? (
          <p className="muted">
            This experiment has no evaluated checkpoints yet. Import results to see its problems.
          </p>
        ) : (
          <Seeded queries={[[problemCountsQuery(slug).queryKey, counts]]}>
            <ProblemsView slug={slug} initialSearch={search} />
          </Seeded>
        )}
      </>
    ),
  );
}
