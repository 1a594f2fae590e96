-- Nothing lost to a delete: a deleted experiment moves to the trash (deleted_at set) and every read
-- skips it; `alphascope restore` clears deleted_at, the purge job deletes it for good after the
-- retention period (ALPHASCOPE_TRASH_DAYS). Its slug stays reserved while it is in the trash.

-- AlterTable
ALTER TABLE "experiments" ADD COLUMN "deleted_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "experiments_deleted_at_idx" ON "experiments"("deleted_at");

-- The audit trail: each delete, restore and purge, written in the write's own transaction.
-- CreateTable
CREATE TABLE "audit_events" (
    "id" SERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "summary" TEXT NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "audit_events_action_check" CHECK ("action" IN ('experiment.delete', 'experiment.restore', 'experiment.purge'))
);

-- CreateIndex
CREATE INDEX "audit_events_at_idx" ON "audit_events"("at");

-- CreateIndex
CREATE INDEX "audit_events_target_at_idx" ON "audit_events"("target", "at");
