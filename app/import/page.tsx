import type { Metadata } from "next";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { ImportForm } from "@/components/import/ImportForm";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { getExperimentList } from "@/lib/server/experiments";
import { toApiError } from "@/lib/server/http";

export const metadata: Metadata = { title: "Import" };

/** The experiment list changes with every import. */
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  let experiments: { slug: string; name: string }[];
  try {
    experiments = (await getExperimentList(serverReadDb())).map(({ slug, name }) => ({ slug, name }));
  } catch (error) {
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  return (
    <>
      <div className="page-heading">
        <h1>Import evaluation results</h1>
        <p className="page-lede">
          Preview what a file holds before anything is stored; an import is all or nothing, and a file already
          imported is recognised by its content.
        </p>
      </div>
      <ImportForm experiments={experiments} />
    </>
  );
}
