import type { StudyExperiment } from "../../contracts/studies";
import type { Db } from "../client";
import type { Prisma } from "../generated/prisma/client";
import { READ_ALL, type ReadScope, readableWhere } from "./experimentShares";
import { storedSetting } from "./statistics";

/** A study with how many experiments it groups. */
export interface StoredStudy {
  slug: string;
  name: string;
  experiments: number;
}

/** The study's experiments' grid fields. */
export type StoredStudyExperiment = Omit<StudyExperiment, "row" | "column">;

/**
 * Every study that groups at least one live experiment the scope may read, by name (the trash and
 * hidden experiments are not counted).
 */
export async function listStudies(db: Db, scope: ReadScope = READ_ALL): Promise<StoredStudy[]> {
  const shown = { deletedAt: null, ...readableWhere(scope) };
  const studies = await db.study.findMany({
    where: { experiments: { some: shown } },
    select: { slug: true, name: true, _count: { select: { experiments: { where: shown } } } },
    orderBy: [{ name: "asc" }, { slug: "asc" }],
  });
  return studies.map(({ slug, name, _count }) => ({ slug, name, experiments: _count.experiments }));
}

/** The study with its live experiments the scope may read (by slug); null when no study has that slug. */
export async function studyBySlug(
  db: Db,
  slug: string,
  scope: ReadScope = READ_ALL,
): Promise<{ slug: string; name: string; experiments: StoredStudyExperiment[] } | null> {
  const study = await db.study.findUnique({
    where: { slug },
    select: {
      slug: true,
      name: true,
      experiments: {
        select: {
          slug: true,
          name: true,
          benchmark: true,
          setting: true,
          modelFamily: true,
          modelScale: true,
          synthetic: true,
        },
        where: { deletedAt: null, ...readableWhere(scope) },
        orderBy: { slug: "asc" },
      },
    },
  });
  if (!study) return null;
  return {
    ...study,
    experiments: study.experiments.map((e) => ({ ...e, setting: storedSetting(e.setting) })),
  };
}

/** Which study an experiment should belong to: a slug (and a name for a study not yet made), or none. */
export interface StudyMembership {
  slug: string;
  /** The study's name: given, it names a new study or renames an existing one. Absent: the slug. */
  name?: string;
}

/**
 * Puts the experiment into the study (made on first use, renamed when a name is given) or, with
 * null, takes it out of any.
 */
export async function setExperimentStudy(
  tx: Prisma.TransactionClient,
  experimentId: number,
  study: StudyMembership | null,
): Promise<void> {
  if (study === null) {
    await tx.experiment.update({ where: { id: experimentId }, data: { studyId: null } });
    return;
  }
  // One statement, so that two imports making experiments of one new study at once both succeed.
  const [{ id }] = await tx.$queryRawUnsafe<{ id: number }[]>(
    `INSERT INTO "studies" ("slug", "name") VALUES ($1, $2)
     ON CONFLICT ("slug") DO UPDATE SET "name" = CASE WHEN $3::boolean THEN EXCLUDED."name" ELSE "studies"."name" END
     RETURNING "id"`,
    study.slug,
    study.name ?? study.slug,
    study.name !== undefined,
  );
  await tx.experiment.update({ where: { id: experimentId }, data: { studyId: id } });
}

/** The data version of each live experiment of the study, by slug; empty when there is none. */
export async function studyExperimentVersions(
  db: Db,
  slug: string,
): Promise<{ slug: string; version: string }[]> {
  return db.experiment.findMany({
    where: { study: { slug }, deletedAt: null },
    select: { slug: true, version: true },
    orderBy: { slug: "asc" },
  });
}
