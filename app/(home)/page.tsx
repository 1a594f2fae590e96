import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ExperimentBrowser } from "@/components/experiments/ExperimentBrowser";
import { SeededExperimentPage } from "@/components/experiments/SeededExperimentPage";
import { withPageData } from "@/components/pages/PageData";
import { StudyList } from "@/components/studies/StudyList";
import { packExperimentPage } from "@/lib/contracts/packedExperimentPage";
import { serverReadDb } from "@/lib/server/db";
import { BadRequestError } from "@/lib/server/errors";
import { getExperimentFacets, getExperimentPage } from "@/lib/server/experiments";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { pageReader } from "@/lib/server/pages";
import { getStudyList } from "@/lib/server/studies";
import {
  EXPERIMENT_PAGE_SIZE,
  experimentListView,
  experimentPageSearch,
} from "@/lib/views/experimentListView";

export const metadata: Metadata = { title: "Experiments" };

/** Always read the database at request time: imports add experiments at any moment. */
export const dynamic = "force-dynamic";

/** A stale or edited cursor: the same list from its first page. */
const INVALID_CURSOR = "invalid-cursor";

/**
 * The experiment list: the page the URL asks for (search, filters, sort, cursor) read by the server
 * with the same indexed query as GET /api/experiments, handed to the browser through the query
 * cache (packed: see SeededExperimentPage); later pages and filters are asked of the API by the browser.
 * No loading.tsx here on purpose: under a loading boundary the rows came in a streamed part that
 * React revealed after the page's load event, so a reload found a page one screen tall, its scroll
 * restoration landed at the top, and the rows showed up to 300 ms later (tests/e2e/home.test.ts).
 */
export default async function ExperimentsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const search = pageQueryString(await searchParams);
  const { view } = experimentListView.parse(new URLSearchParams(search), null);
  return withPageData(
    async () => {
      const db = serverReadDb();
      const { scope } = await pageReader();
      const [page, facets, studies] = await Promise.all([
        getExperimentPage(db, { ...view, limit: EXPERIMENT_PAGE_SIZE }, scope).catch((error: unknown) => {
          if (error instanceof BadRequestError) return INVALID_CURSOR;
          throw error;
        }),
        getExperimentFacets(db, scope),
        getStudyList(db, scope),
      ]);
      return { page, facets, studies };
    },
    ({ page, facets, studies }) => {
      if (typeof page === "string")
        redirect(`/?${experimentListView.serialize({ ...view, cursor: undefined }).toString()}`);
      return (
        <>
          <div className="page-heading">
            <h1>Experiments</h1>
            <p className="page-lede">
              Each experiment is one pair of checkpoints A and B evaluated along θ(α) = (1−α)·θ
              <sub>A</sub> + α·θ
              <sub>B</sub>.
            </p>
          </div>
          <StudyList studies={studies} />
          <SeededExperimentPage search={experimentPageSearch(view)} packed={packExperimentPage(page)}>
            <ExperimentBrowser key={search} initialSearch={search} facets={facets} />
          </SeededExperimentPage>
        </>
      );
    },
  );
}
