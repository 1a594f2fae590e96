-- Issue #23: the audit trail also records who added, re-roled or removed a user and who created or
-- revoked a personal token. The actor column stays free text ("local", "token", "system",
-- "user:<email>", "user:<email> (token <name>)").
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check" CHECK ("action" IN (
  'experiment.delete', 'experiment.restore', 'experiment.purge',
  'user.add', 'user.role', 'user.remove', 'token.create', 'token.revoke'
));

-- The audit page filters by actor, newest first.
CREATE INDEX "audit_events_actor_at_idx" ON "audit_events"("actor", "at");
