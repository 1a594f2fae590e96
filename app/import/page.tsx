import type { Metadata } from "next";
import { ImportForm } from "@/components/import/ImportForm";
import { withPageData } from "@/components/pages/PageData";
import { serverReadDb } from "@/lib/server/db";
import { getExperimentList } from "@/lib/server/experiments";

export const metadata: Metadata = { title: "Import" };

/** The experiment list changes with every import. */
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  return withPageData(
    async () => (await getExperimentList(serverReadDb())).map(({ slug, name }) => ({ slug, name })),
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
