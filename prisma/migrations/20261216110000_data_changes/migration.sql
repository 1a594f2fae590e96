-- What a web server remembers about an experiment (its current version, which stored kinds exist) is
-- valid while nothing changed: one row whose change id every commit that writes experiments or their
-- stored statistics replaces. A server compares it with the id it last saw (one primary-key lookup)
-- instead of looking every experiment up on every request, and commits also NOTIFY the changed slug
-- so that servers load its new bodies before anyone asks (docs/deploy.md).
CREATE TABLE "data_changes" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "change_id" TEXT NOT NULL DEFAULT (gen_random_uuid())::text,

    CONSTRAINT "data_changes_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "data_changes_one_row" CHECK ("id" = 1)
);

INSERT INTO "data_changes" ("id") VALUES (1);

-- A random id rather than a counter: it never comes back to a value a server remembers, even if
-- the row is deleted and made again. Upserted for the same reason.
CREATE FUNCTION "note_data_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed JSONB;
  changed_slug TEXT;
BEGIN
  INSERT INTO "data_changes" ("id", "change_id") VALUES (1, gen_random_uuid()::text)
  ON CONFLICT ("id") DO UPDATE SET "change_id" = EXCLUDED."change_id";
  IF TG_LEVEL = 'ROW' THEN
    changed := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
    IF TG_TABLE_NAME = 'experiments' THEN
      changed_slug := changed ->> 'slug';
    ELSE
      SELECT "slug" INTO changed_slug FROM "experiments" WHERE "id" = (changed ->> 'experiment_id')::int;
    END IF;
  END IF;
  -- Identical notifications of one transaction are delivered once.
  PERFORM pg_notify('alphascope_data_changes', COALESCE(changed_slug, ''));
  RETURN NULL;
END
$$;

-- Deferred to the commit: the row lock on "data_changes" is held only while the transaction commits
-- (never during a long import, and the holder waits for nothing else, so it cannot deadlock), and
-- the new id becomes visible in the same instant as what changed.
CREATE CONSTRAINT TRIGGER "experiments_data_change"
  AFTER INSERT OR UPDATE OR DELETE ON "experiments"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "note_data_change"();

CREATE CONSTRAINT TRIGGER "experiment_statistics_data_change"
  AFTER INSERT OR UPDATE OR DELETE ON "experiment_statistics"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "note_data_change"();

-- Row triggers do not see TRUNCATE.
CREATE TRIGGER "experiments_truncate_data_change"
  AFTER TRUNCATE ON "experiments"
  FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
