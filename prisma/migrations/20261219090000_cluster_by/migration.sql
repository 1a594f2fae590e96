-- Issue #21 item 8: how the experiment's bootstrap resamples problems. NULL (the default) resamples
-- them one by one; otherwise by cluster (lib/domain/clusterBy.ts lists the options).
ALTER TABLE "experiments" ADD COLUMN "cluster_by" TEXT;
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_cluster_by_check"
  CHECK ("cluster_by" IN ('contest', 'metadata:platform', 'metadata:contestDate'));
