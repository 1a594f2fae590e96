import { createHash } from "node:crypto";
import type { ComparisonData } from "../../contracts/compareTypes";
import type { Db } from "../../db/client";
import { studyExperimentVersions } from "../../db/queries/studies";
import { StatisticsPendingError } from "../statistics/read";
import { getStudy, studyFrontiersResponse } from "../studies";
import { type PinnedData, pinClaims, readAgainWhenMoved, VersionMovedError } from "./pinData";

/**
 * The version of a study's grid: a digest of every experiment's slug and data version (in slug
 * order), so it changes when any experiment is re-imported, joins or leaves the study.
 */
export function gridVersion(experiments: readonly { slug: string; version: string }[]): string {
  const lines = experiments
    .map(({ slug, version }) => `${slug} ${version}`)
    .sort()
    .join("\n");
  return createHash("sha256").update(lines).digest("hex");
}

/** The study's grid version now; null when it has no live experiment. */
export async function currentGridVersion(db: Db, studySlug: string): Promise<string | null> {
  const experiments = await studyExperimentVersions(db, studySlug);
  return experiments.length === 0 ? null : gridVersion(experiments);
}

/** The study, its frontiers and each experiment's claims, every experiment at one version. */
async function readStudyOnce(db: Db, slug: string, view: string): Promise<PinnedData | null> {
  const study = await getStudy(db, slug);
  if (study.experiments.length === 0) return null;
  const frontiers = (await studyFrontiersResponse(db, slug)).body as string;
  const { experiments } = JSON.parse(frontiers) as ComparisonData;
  const slugs = experiments.map((experiment) => experiment.experiment.slug);
  // An experiment joined or left the study between the two reads.
  if (slugs.join("\n") !== study.experiments.map((experiment) => experiment.slug).join("\n"))
    throw new VersionMovedError();
  // A snapshot without its intervals would lack them forever.
  const computing = experiments.find((experiment) => experiment.status !== "ready");
  if (computing) throw new StatisticsPendingError(computing.experiment.slug);
  const claims: string[] = [];
  for (const experiment of experiments) {
    const pinned = await pinClaims(db, experiment.experiment.slug, experiment.version, view);
    if (!pinned) throw new VersionMovedError();
    claims.push(`${JSON.stringify(experiment.experiment.slug)}:${pinned}`);
  }
  return {
    version: gridVersion(
      experiments.map((experiment) => ({ slug: experiment.experiment.slug, version: experiment.version })),
    ),
    data: `{"study":${JSON.stringify(study)},"frontiers":${frontiers},"claims":{${claims.join(",")}}}`,
  };
}

/**
 * What a snapshot of a study's grid with `view` pins: the study, its experiments' stored frontiers
 * byte for byte as GET /api/studies/<slug>/frontiers served them, and their claims (on the view's
 * axes for its slice), every experiment at one version (read again when an import lands in between).
 * A NotFoundError for an unknown study; null when it has no experiment.
 */
export function pinStudyData(db: Db, slug: string, view: string): Promise<PinnedData | null> {
  return readAgainWhenMoved(() => readStudyOnce(db, slug, view));
}
