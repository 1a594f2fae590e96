-- Issue #22 item 1: trained checkpoints, separate RL runs (e.g. at an intermediate unit-test coverage)
-- that are not on the α line. A checkpoint row is either an α checkpoint (alpha set) or a trained one
-- (trained_label set, unique per experiment, with an optional numeric coverage level), never both.
-- Their results live in "results" like any checkpoint's.

-- AlterTable
ALTER TABLE "checkpoints" ALTER COLUMN "alpha" DROP NOT NULL,
ADD COLUMN "trained_label" TEXT,
ADD COLUMN "coverage" DOUBLE PRECISION;

ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_alpha_or_trained_check"
  CHECK (("alpha" IS NULL) <> ("trained_label" IS NULL));
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_coverage_check"
  CHECK ("coverage" IS NULL OR ("trained_label" IS NOT NULL AND "coverage" = "coverage" AND "coverage" NOT IN ('Infinity', '-Infinity')));

-- CreateIndex
CREATE UNIQUE INDEX "checkpoints_experiment_id_trained_label_key" ON "checkpoints"("experiment_id", "trained_label");
