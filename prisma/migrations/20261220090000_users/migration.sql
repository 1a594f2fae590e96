-- Issue #23: the people of a team server, and who may read each experiment.
CREATE TABLE "users" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "role" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "users_email_lower_check" CHECK ("email" = lower("email") AND "email" LIKE '%_@_%'),
    CONSTRAINT "users_role_check" CHECK ("role" IN ('viewer', 'editor', 'admin'))
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

ALTER TABLE "experiments" ADD COLUMN "visibility" TEXT NOT NULL DEFAULT 'team';
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_visibility_check"
  CHECK ("visibility" IN ('team', 'private', 'public'));
ALTER TABLE "experiments" ADD COLUMN "owner_id" INTEGER;
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_owner_id_fkey"
  FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "experiments_owner_id_idx" ON "experiments"("owner_id");

CREATE TABLE "api_tokens" (
    "id" SERIAL NOT NULL,
    "user_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "api_tokens_scope_check" CHECK ("scope" IN ('read', 'write'))
);
CREATE UNIQUE INDEX "api_tokens_secret_hash_key" ON "api_tokens"("secret_hash");
CREATE INDEX "api_tokens_user_id_idx" ON "api_tokens"("user_id");
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_fkey"
  FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
