-- Issue #24: a web server keeps encoded pages of the experiment list per reader and data_changes id
-- (lib/server/experimentPageCache.ts). Who may read an experiment also depends on its shares, and the
-- study filter on the studies' slugs: their commits replace the id too, so no cached page outlives them.
CREATE CONSTRAINT TRIGGER "experiment_shares_data_change"
  AFTER INSERT OR UPDATE OR DELETE ON "experiment_shares"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "note_data_change"();

CREATE CONSTRAINT TRIGGER "studies_data_change"
  AFTER INSERT OR UPDATE OR DELETE ON "studies"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION "note_data_change"();

-- Row triggers do not see TRUNCATE.
CREATE TRIGGER "experiment_shares_truncate_data_change"
  AFTER TRUNCATE ON "experiment_shares"
  FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();

CREATE TRIGGER "studies_truncate_data_change"
  AFTER TRUNCATE ON "studies"
  FOR EACH STATEMENT EXECUTE FUNCTION "note_data_change"();
