import type { AuditActor } from "../contracts/audit";
import type { ExperimentHeader, Versioned } from "../contracts/types";
import type { Db } from "../db/client";
import { experimentTarget, recordAuditEvent } from "../db/queries/audit";
import { setExperimentVisibility } from "../db/queries/experimentShares";
import { type ExperimentMetadataColumns, updateExperimentMetadata } from "../db/queries/experiments";
import { recordExperimentVersion } from "../db/queries/experimentVersions";
import { lockExperimentWrites, touchExperiment } from "../db/queries/importTargets";
import { moveExperimentProblems } from "../db/queries/moveExperimentProblems";
import { setExperimentStudy } from "../db/queries/studies";
import { getExperimentHeader } from "../db/queries/sweep";
import { checkpointChanges } from "../domain/checkpointChanges";
import type { ExperimentMetadataPatch } from "../formats/experimentMetadata";
import { listProblems } from "../import/conflicts";
import { recordStatistics } from "../import/recordStatistics";
import { WRITE_TRANSACTION } from "../import/write";
import { ApiError } from "./errors";

/** The columns a metadata change sets. */
function columnsOf(
  patch: Omit<ExperimentMetadataPatch, "study" | "studyName" | "visibility">,
): ExperimentMetadataColumns {
  const { endpoints, ...rest } = patch;
  return {
    ...rest,
    endpointALabel: endpoints?.a?.label,
    endpointAModel: endpoints?.a?.model,
    endpointBLabel: endpoints?.b?.label,
    endpointBModel: endpoints?.b?.model,
  };
}

/**
 * PATCH /api/experiments/<slug>: changes an experiment's metadata in one transaction, taking turns
 * with imports. A new benchmark moves the results onto that benchmark's problems (409 when a
 * problem's difficulty contradicts the one stored there; nothing changes then). Every stored body
 * carries the metadata, so the change makes a new version with its point statistics and the job
 * that recomputes the intervals, as an import does. The study is not part of the stored bodies: a
 * change of study alone keeps the version, as does one of visibility. A change of the content is
 * listed with the experiment's versions; every change is audited, naming `actor`. Null when no live
 * experiment has that slug.
 */
export async function changeExperimentMetadata(
  db: Db,
  slug: string,
  patch: ExperimentMetadataPatch,
  actor: AuditActor,
): Promise<(ExperimentHeader & Versioned) | null> {
  const { study, studyName, visibility, ...metadata } = patch;
  return db.$transaction(async (tx) => {
    await lockExperimentWrites(tx, slug);
    const current = await tx.experiment.findFirst({
      where: { slug, deletedAt: null },
      select: { id: true, benchmark: true, version: true, visibility: true },
    });
    if (!current) return null;
    // A change of who may read it is audited as such, below.
    const changed = Object.keys(patch).filter((field) => field !== "visibility");
    if (changed.length > 0) {
      await recordAuditEvent(tx, {
        actor,
        action: "experiment.update",
        target: experimentTarget(slug),
        summary: `Changed ${changed.sort().join(", ")} of "${slug}".`,
      });
    }
    if (study !== undefined)
      await setExperimentStudy(tx, current.id, study === null ? null : { slug: study, name: studyName });
    if (visibility !== undefined && visibility !== current.visibility) {
      await setExperimentVisibility(tx, current.id, visibility);
      await recordAuditEvent(tx, {
        actor,
        action: "experiment.visibility",
        target: experimentTarget(slug),
        summary: `Made experiment "${slug}" ${visibility} (was ${current.visibility}).`,
      });
    }
    if (Object.keys(metadata).length === 0) {
      const header = (await getExperimentHeader(tx, slug)) as ExperimentHeader;
      return { ...header, version: current.version };
    }
    if (patch.benchmark !== undefined && patch.benchmark !== current.benchmark) {
      const conflicts = await moveExperimentProblems(tx, current.id, patch.benchmark);
      if (conflicts.length > 0) {
        const [first] = conflicts;
        throw new ApiError(
          409,
          "problem_conflict",
          `Invalid field "benchmark": ${conflicts.length} problem(s) have a difficulty that contradicts ${JSON.stringify(patch.benchmark)}'s ` +
            `(e.g. ${JSON.stringify(first.externalId)}: here ${first.stored}, there ${first.target}): ` +
            listProblems(conflicts.map((conflict) => conflict.externalId)),
        );
      }
    }
    await updateExperimentMetadata(tx, current.id, columnsOf(metadata));
    const version = await touchExperiment(tx, current.id);
    await recordStatistics(tx, { id: current.id, slug, version });
    // The same checkpoints under a new header: a version that changed none of them.
    await recordExperimentVersion(tx, { id: current.id, slug, version }, actor, checkpointChanges([], []));
    const header = (await getExperimentHeader(tx, slug)) as ExperimentHeader;
    return { ...header, version };
  }, WRITE_TRANSACTION);
}
