import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { viewMetadata } from "@/components/previews/viewMetadata";
import { experimentSource, scalingMatrixQuery } from "@/components/queries/queries";
import { ScalingHeading } from "@/components/scaling/ScalingHeading";
import { ScalingView } from "@/components/scaling/ScalingView";
import { slugSchema } from "@/lib/contracts/schemas";
import { serverReadDb } from "@/lib/server/db";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { pageExperimentHeader, readableBy } from "@/lib/server/pages";
import { getScalingMatrix } from "@/lib/server/scalingMatrix";

/** Results change on import, so every request reads the current matrix. */
export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageSearchParams>;
}

/**
 * The tab names the experiment and the ensemble's α; a pasted link previews each member's solve
 * rate and the frontier with the members marked.
 */
export async function generateMetadata({ params, searchParams }: PageProps): Promise<Metadata> {
  const { slug } = await params;
  const metadata = await viewMetadata(
    slug,
    "scaling",
    new URLSearchParams(pageQueryString(await searchParams)),
  );
  return metadata.title ? metadata : { title: "Inference-time scaling" };
}

/**
 * Loads the experiment's sample and pass counts once on the server and hands them to the browser
 * through the query cache, as the explorer does; the curves and ensembles are fetched as the view asks.
 */
export default async function ScalingPage({ params, searchParams }: PageProps) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const search = pageQueryString(await searchParams);
  return withPageData(
    readableBy(slug, async () => {
      const [payload, header] = await Promise.all([
        getScalingMatrix(serverReadDb(), slug),
        pageExperimentHeader(slug),
      ]);
      return payload && { payload, updatedAt: header?.updatedAt ?? null };
    }),
    ({ payload, updatedAt }) => (
      <>
        <ScalingHeading experiment={payload.experiment} />
        {payload.checkpoints.length === 0 ? (
          <p className="muted">
            This experiment has no evaluated checkpoints yet. Import results to see its scaling.
          </p>
        ) : (
          <Seeded queries={[[scalingMatrixQuery(experimentSource(slug)).queryKey, payload]]}>
            <ScalingView key={search} slug={slug} initialSearch={search} updatedAt={updatedAt} />
          </Seeded>
        )}
      </>
    ),
  );
}
