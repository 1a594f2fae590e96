import type { Metadata } from "next";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { ExperimentTable } from "@/components/experiments/ExperimentTable";
import { NoExperiments } from "@/components/experiments/NoExperiments";
import type { ExperimentListItem } from "@/lib/contracts/types";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { getExperimentList } from "@/lib/server/experiments";
import { toApiError } from "@/lib/server/http";

export const metadata: Metadata = { title: "Experiments" };

/** Always read the database at request time: imports add experiments at any moment. */
export const dynamic = "force-dynamic";

export default async function ExperimentsPage() {
  let experiments: ExperimentListItem[];
  try {
    experiments = await getExperimentList(serverReadDb());
  } catch (error) {
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  return (
    <>
      <div className="page-heading">
        <h1>Experiments</h1>
        <p className="page-lede">
          Each experiment is one pair of checkpoints A and B evaluated along θ(α) = (1−α)·θ<sub>A</sub> + α·θ
          <sub>B</sub>.
        </p>
      </div>
      {experiments.length === 0 ? <NoExperiments /> : <ExperimentTable experiments={experiments} />}
    </>
  );
}
