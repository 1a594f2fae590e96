-- Issue #23: whom a private experiment is shared with, and the audit actions of visibility and shares.
CREATE TABLE "experiment_shares" (
    "experiment_id" INTEGER NOT NULL,
    "user_id" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "experiment_shares_pkey" PRIMARY KEY ("experiment_id", "user_id"),
    CONSTRAINT "experiment_shares_role_check" CHECK ("role" IN ('viewer', 'editor'))
);
CREATE INDEX "experiment_shares_user_id_idx" ON "experiment_shares"("user_id");
ALTER TABLE "experiment_shares" ADD CONSTRAINT "experiment_shares_experiment_id_fkey"
  FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "experiment_shares" ADD CONSTRAINT "experiment_shares_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("action" IN (
  'experiment.delete', 'experiment.restore', 'experiment.purge', 'user.signin',
  'user.add', 'user.role', 'user.remove', 'token.create', 'token.revoke',
  'experiment.visibility', 'experiment.share', 'experiment.unshare'));
