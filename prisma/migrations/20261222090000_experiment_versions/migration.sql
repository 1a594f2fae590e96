-- Issue #23, nothing lost to a --replace: copy-on-write versions of an experiment's checkpoint set.
-- A checkpoint an import changes (an α or a trained one) is retired (retired_at set) instead of being
-- overwritten, and a new checkpoint holds the new rows; no result row of a retired checkpoint is
-- copied or changed. Only live checkpoints (retired_at IS NULL) are read, and only they must have a
-- distinct α, or a distinct trained label.

-- AlterTable
ALTER TABLE "checkpoints" ADD COLUMN "retired_at" TIMESTAMPTZ(3);

-- One live checkpoint per (experiment, α) and per (experiment, trained label); retired ones keep theirs.
DROP INDEX "checkpoints_experiment_id_alpha_key";
CREATE UNIQUE INDEX "checkpoints_experiment_id_alpha_key" ON "checkpoints"("experiment_id", "alpha")
  WHERE "retired_at" IS NULL;
DROP INDEX "checkpoints_experiment_id_trained_label_key";
CREATE UNIQUE INDEX "checkpoints_experiment_id_trained_label_key" ON "checkpoints"("experiment_id", "trained_label")
  WHERE "retired_at" IS NULL;

-- CreateIndex
CREATE INDEX "checkpoints_retired_at_idx" ON "checkpoints"("retired_at");

-- Each version of an experiment: who made it, what changed, the checkpoints live in it, and the
-- header and content id it was served with (so an old version is read back byte for byte).
-- CreateTable
CREATE TABLE "experiment_versions" (
    "id" SERIAL NOT NULL,
    "experiment_id" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "content_version" TEXT NOT NULL,
    "header" TEXT NOT NULL,
    "checkpoint_ids" JSONB NOT NULL,
    "changes" JSONB NOT NULL,

    CONSTRAINT "experiment_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "experiment_versions_experiment_id_id_idx" ON "experiment_versions"("experiment_id", "id");

-- AddForeignKey
ALTER TABLE "experiment_versions" ADD CONSTRAINT "experiment_versions_experiment_id_fkey"
  FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Every experiment stored before versions existed starts with one: what it serves now (α checkpoints
-- by α, then trained ones).
INSERT INTO "experiment_versions" ("experiment_id", "created_at", "actor", "content_version", "header", "checkpoint_ids", "changes")
SELECT e."id", e."updated_at", 'system', e."version",
  json_build_object(
    'slug', e."slug", 'name', e."name", 'description', e."description", 'benchmark', e."benchmark",
    'setting', e."setting", 'modelFamily', e."model_family", 'modelScale', e."model_scale",
    'synthetic', e."synthetic", 'clusterBy', e."cluster_by",
    'endpoints', json_build_object(
      'a', json_build_object('label', e."endpoint_a_label", 'model', e."endpoint_a_model"),
      'b', json_build_object('label', e."endpoint_b_label", 'model', e."endpoint_b_model")),
    'createdAt', to_char(e."created_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'updatedAt', to_char(e."updated_at" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text,
  COALESCE((SELECT jsonb_agg(c."id" ORDER BY c."alpha", c."trained_label") FROM "checkpoints" c WHERE c."experiment_id" = e."id"), '[]'::jsonb),
  jsonb_build_object(
    'added', COALESCE((SELECT jsonb_agg(c."alpha" ORDER BY c."alpha") FROM "checkpoints" c
      WHERE c."experiment_id" = e."id" AND c."alpha" IS NOT NULL), '[]'::jsonb),
    'replaced', '[]'::jsonb, 'removed', '[]'::jsonb,
    'trained', jsonb_build_object(
      'added', COALESCE((SELECT jsonb_agg(c."trained_label" ORDER BY c."trained_label") FROM "checkpoints" c
        WHERE c."experiment_id" = e."id" AND c."trained_label" IS NOT NULL), '[]'::jsonb),
      'replaced', '[]'::jsonb, 'removed', '[]'::jsonb))
FROM "experiments" e;

-- Every write is audited now: the actions of main's last list (migration experiment_shares) and
-- those of imports, replaces, metadata changes, versions, snapshots and saved views.
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("action" IN (
  'experiment.delete', 'experiment.restore', 'experiment.purge', 'user.signin',
  'user.add', 'user.role', 'user.remove', 'token.create', 'token.revoke',
  'experiment.visibility', 'experiment.share', 'experiment.unshare',
  'experiment.import', 'experiment.replace', 'experiment.update',
  'experiment.version.restore', 'experiment.version.purge',
  'snapshot.create', 'snapshot.delete',
  'view.create', 'view.rename', 'view.reorder', 'view.delete'));
