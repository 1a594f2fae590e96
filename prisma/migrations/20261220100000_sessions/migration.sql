-- Issue #23: browser sign-in. A session is a row keyed by the SHA-256 of the random secret its
-- cookie holds (the secret itself is never stored); it dies with its user, at expires_at (which
-- slides forward while it is used), or at sign-out. `scope` 'read' is a session opened with a
-- read-only personal token.
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "user_id" INTEGER NOT NULL,
    "scope" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "sessions_scope_check" CHECK ("scope" IN ('read', 'write'))
);
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");
CREATE INDEX "sessions_expires_at_idx" ON "sessions"("expires_at");
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A sign-in is audited (actor and target `user:<email>`).
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_action_check";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_action_check"
  CHECK ("action" IN ('experiment.delete', 'experiment.restore', 'experiment.purge', 'user.signin'));
