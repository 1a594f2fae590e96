-- Issue #22: a snapshot may pin a study's whole grid. Such a snapshot names its study (by slug, kept
-- when the study goes) instead of one experiment; every other snapshot names its experiment as before.

ALTER TABLE "snapshots" ALTER COLUMN "experiment_slug" DROP NOT NULL;
ALTER TABLE "snapshots" ADD COLUMN "study_slug" TEXT;

ALTER TABLE "snapshots" DROP CONSTRAINT "snapshots_page_check";
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_page_check" CHECK ("page" IN ('explorer', 'scaling', 'study'));
-- A study snapshot names its study and no experiment; any other names its experiment and no study.
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_subject_check" CHECK (
  CASE WHEN "page" = 'study'
    THEN "study_slug" IS NOT NULL AND "experiment_slug" IS NULL AND "experiment_id" IS NULL
    ELSE "experiment_slug" IS NOT NULL AND "study_slug" IS NULL
  END
);
