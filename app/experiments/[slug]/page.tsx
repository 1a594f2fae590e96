import type { Metadata } from "next";
import { Explorer } from "@/components/explorer/Explorer";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { viewMetadata } from "@/components/previews/viewMetadata";
import { experimentSource, frontierQuery } from "@/components/queries/queries";
import { serverReadDb } from "@/lib/server/db";
import { getFrontierData } from "@/lib/server/experiments";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { readableBy } from "@/lib/server/pages";

export const dynamic = "force-dynamic";

interface ExperimentPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageSearchParams>;
}

/** The tab names the experiment and α; a pasted link previews the view's numbers and frontier. */
export async function generateMetadata({ params, searchParams }: ExperimentPageProps): Promise<Metadata> {
  const { slug } = await params;
  return viewMetadata(slug, "explorer", new URLSearchParams(pageQueryString(await searchParams)));
}

/**
 * Loads the experiment's frontier data once on the server and hands it to the browser through the
 * query cache; everything that moves with α is computed client-side from it.
 */
export default async function ExperimentPage({ params, searchParams }: ExperimentPageProps) {
  const { slug } = await params;
  const search = pageQueryString(await searchParams);
  return withPageData(
    readableBy(slug, () => getFrontierData(serverReadDb(), slug)),
    (data) => (
      <Seeded queries={[[frontierQuery(experimentSource(slug)).queryKey, data]]}>
        {/* Keyed by the query string: a deck step to another view of this page starts that view afresh. */}
        <Explorer key={search} slug={slug} initialSearch={search} />
      </Seeded>
    ),
  );
}
