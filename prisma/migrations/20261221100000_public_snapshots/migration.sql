-- Issue #23: a snapshot its maker made public opens for anyone, whoever may read its experiment.
ALTER TABLE "snapshots" ADD COLUMN "public" BOOLEAN NOT NULL DEFAULT false;
