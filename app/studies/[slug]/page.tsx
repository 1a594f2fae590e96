import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { liveStudySource, studyFrontiersQuery, studyQuery } from "@/components/queries/queries";
import { StudyGrid } from "@/components/studies/StudyGrid";
import { slugSchema } from "@/lib/contracts/schemas";
import { serverReadDb } from "@/lib/server/db";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { pageReader } from "@/lib/server/pages";
import { getStudy, getStudyFrontiers } from "@/lib/server/studies";

export const metadata: Metadata = { title: "Study" };

/** Imports and metadata changes move experiments in and out of studies at any moment. */
export const dynamic = "force-dynamic";

interface StudyPageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageSearchParams>;
}

/**
 * A study's grid: reads the study and its experiments' frontiers once on the server and hands them
 * to the browser through the query cache; the shared α moves every panel in the browser.
 */
export default async function StudyPage({ params, searchParams }: StudyPageProps) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  const search = pageQueryString(await searchParams);
  return withPageData(
    async () => {
      const { scope } = await pageReader();
      const study = await getStudy(serverReadDb(), slug, scope);
      if (study.experiments.length === 0) return null;
      return { study, frontiers: await getStudyFrontiers(serverReadDb(), slug, scope) };
    },
    ({ study, frontiers }) => (
      <Seeded
        queries={[
          [studyQuery(liveStudySource(slug)).queryKey, study],
          [studyFrontiersQuery(liveStudySource(slug)).queryKey, frontiers],
        ]}
      >
        <StudyGrid key={search} slug={slug} initialSearch={search} />
      </Seeded>
    ),
  );
}
