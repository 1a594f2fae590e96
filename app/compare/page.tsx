import type { Metadata } from "next";
import Link from "next/link";
import { StatusPanel } from "@/components/common/StatusPanel";
import { Compare } from "@/components/compare/Compare";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { comparisonQuery } from "@/components/queries/queries";
import { COMPARE_MAX, COMPARE_MIN } from "@/lib/contracts/compareLimits";
import { compareSlugsSchema } from "@/lib/contracts/compareSchemas";
import { getComparison } from "@/lib/server/compare/comparison";
import { serverReadDb } from "@/lib/server/db";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { requirePageReaderOf } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Compare experiments" };

export const dynamic = "force-dynamic";

/**
 * /compare?experiments=a,b[,c,d]: loads the experiments' frontiers and their comparison once on the
 * server and hands them to the browser through the query cache. No loading.tsx here on purpose:
 * the page renders before its first byte, so an unknown experiment answers 404.
 */
export default async function ComparePage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const search = pageQueryString(await searchParams);
  const parsed = compareSlugsSchema.safeParse(new URLSearchParams(search).get("experiments") ?? undefined);
  if (!parsed.success)
    return (
      <StatusPanel
        tone="empty"
        title={`Choose ${COMPARE_MIN}–${COMPARE_MAX} experiments to compare`}
        action={
          <Link className="button button--primary" href="/">
            All experiments
          </Link>
        }
      >
        <p data-testid="compare-invalid">
          The link&apos;s <code>experiments</code> cannot be used ({parsed.error.issues[0].message}). Tick{" "}
          {COMPARE_MIN} to {COMPARE_MAX} experiments in the list and press Compare.
        </p>
      </StatusPanel>
    );
  const slugs = parsed.data;
  return withPageData(
    async () => {
      for (const slug of slugs) await requirePageReaderOf(slug);
      return getComparison(serverReadDb(), slugs);
    },
    (data) => (
      <Seeded queries={[[comparisonQuery(slugs).queryKey, data]]}>
        <Compare slugs={slugs} initialSearch={search} />
      </Seeded>
    ),
  );
}
