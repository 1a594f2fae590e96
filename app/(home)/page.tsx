import type { Metadata } from "next";
import { ExperimentTable } from "@/components/experiments/ExperimentTable";
import { NoExperiments } from "@/components/experiments/NoExperiments";
import { withPageData } from "@/components/pages/PageData";
import { StudyList } from "@/components/studies/StudyList";
import { serverReadDb } from "@/lib/server/db";
import { getExperimentList } from "@/lib/server/experiments";
import { getStudyList } from "@/lib/server/studies";

export const metadata: Metadata = { title: "Experiments" };

/** Always read the database at request time: imports add experiments at any moment. */
export const dynamic = "force-dynamic";

export default async function ExperimentsPage() {
  return withPageData(
    () => Promise.all([getExperimentList(serverReadDb()), getStudyList(serverReadDb())]),
    ([experiments, studies]) => (
      <>
        <div className="page-heading">
          <h1>Experiments</h1>
          <p className="page-lede">
            Each experiment is one pair of checkpoints A and B evaluated along θ(α) = (1−α)·θ<sub>A</sub> +
            α·θ
            <sub>B</sub>.
          </p>
        </div>
        <StudyList studies={studies} />
        {experiments.length === 0 ? <NoExperiments /> : <ExperimentTable experiments={experiments} />}
      </>
    ),
  );
}
