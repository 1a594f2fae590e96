-- Versioned experiments and their precomputed statistics.

-- An opaque id of the experiment's current content: every write that changes its data or metadata
-- sets a new one, so a version names one exact state (stored statistics, ETags, jobs are keyed by it).
ALTER TABLE "experiments" ADD COLUMN "version" TEXT NOT NULL DEFAULT (gen_random_uuid())::text;

-- Response bodies computed from one version of an experiment, served verbatim with their HTTP status
-- (JSON text, not jsonb: a read sends the stored bytes without parsing or re-serialising them).
CREATE TABLE "experiment_statistics" (
    "experiment_id" INTEGER NOT NULL,
    "version" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "http_status" INTEGER NOT NULL DEFAULT 200,
    "payload" TEXT NOT NULL,
    "computed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "experiment_statistics_pkey" PRIMARY KEY ("experiment_id","version","kind")
);

ALTER TABLE "experiment_statistics" ADD CONSTRAINT "experiment_statistics_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
