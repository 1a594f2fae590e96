import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Explorer } from "@/components/explorer/Explorer";
import { VersionBanner } from "@/components/explorer/VersionBanner";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { viewMetadata } from "@/components/previews/viewMetadata";
import { PinnedSource } from "@/components/queries/apiSource";
import { experimentSource, frontierQuery, versionSource } from "@/components/queries/queries";
import type { FrontierData } from "@/lib/contracts/types";
import { versionQuerySchema } from "@/lib/contracts/versions";
import { serverReadDb } from "@/lib/server/db";
import { getFrontierData } from "@/lib/server/experiments";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { readableBy } from "@/lib/server/pages";
import { READS, readStoredJson } from "@/lib/server/statistics/read";
import { versionToRead } from "@/lib/server/versions";

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
  const query = await searchParams;
  const version = versionQuerySchema.safeParse(query);
  if (version.success && version.data.version !== undefined)
    return <OldVersionPage slug={slug} id={version.data.version} search={pageQueryString(query)} />;
  const search = pageQueryString(query);
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

/**
 * `?version=<id>`: that version of the experiment, read-only — its frontier as it was served (computed
 * in the compute pool), under a banner linking to the current version; like a snapshot's page, it
 * offers no sharing or saving. The current version's id opens the page as usual. Who may not read
 * the experiment gets what its current page answers them (sign-in, or 404).
 */
async function OldVersionPage({ slug, id, search }: { slug: string; id: number; search: string }) {
  return withPageData(
    readableBy(slug, async () => {
      const found = await versionToRead(serverReadDb(), slug, id);
      if (found.current) redirect(`/experiments/${encodeURIComponent(slug)}`);
      const data = await readStoredJson<FrontierData>(serverReadDb(), slug, READS.frontier, id);
      return data && { data, createdAt: found.version.createdAt.toISOString() };
    }),
    ({ data, createdAt }) => {
      const source = versionSource(slug, id);
      return (
        <>
          <VersionBanner slug={slug} id={id} createdAt={createdAt} />
          <Seeded queries={[[frontierQuery(source).queryKey, data]]}>
            {/* Claims are tested on the current version only: an old version has no claims route. */}
            <PinnedSource source={source} claims={false}>
              <Explorer key={search} slug={slug} initialSearch={search} />
            </PinnedSource>
          </Seeded>
        </>
      );
    },
  );
}
