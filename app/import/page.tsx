import type { Metadata } from "next";
import { ImportForm } from "@/components/import/ImportForm";
import { withPageData } from "@/components/pages/PageData";
import { experimentListQuerySchema } from "@/lib/contracts/experimentListQuery";
import { serverReadDb } from "@/lib/server/db";
import { getExperimentList, getExperimentPage } from "@/lib/server/experiments";
import { pageReader } from "@/lib/server/pages";

export const metadata: Metadata = { title: "Import" };

/** The experiment list changes with every import. */
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  return withPageData(
    async () => {
      const { scope } = await pageReader();
      // With sign-in on, only the experiments the visitor may read (the stored list holds them all).
      const experiments =
        scope.kind === "all"
          ? await getExperimentList(serverReadDb())
          : (await getExperimentPage(serverReadDb(), experimentListQuerySchema.parse({}), scope)).items;
      return experiments.map(({ slug, name }) => ({ slug, name }));
    },
    (experiments) => (
      <>
        <div className="page-heading">
          <h1>Import evaluation results</h1>
          <p className="page-lede">
            Preview what a file holds before anything is stored; an import is all or nothing, and a file
            already imported is recognised by its content.
          </p>
        </div>
        <ImportForm experiments={experiments} />
      </>
    ),
  );
}
