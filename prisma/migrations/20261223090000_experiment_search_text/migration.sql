-- The list's search `q` (issue #24) over a stored, lower-cased text instead of an expression:
-- - a search of one or two characters is shorter than a trigram, so no index narrows it and every
--   live experiment is tested; lower-casing and joining five columns per row at each search cost
--   three to four times the LIKE itself (EXPLAIN ANALYZE, 10 000 experiments: 21–27 ms against
--   5–9 ms under load), so PostgreSQL does it once per write;
-- - the trigram index never defers an insert to its pending list (fastupdate off): with the
--   default, the rows of a large import waited there for a vacuum, and until then the planner
--   found the index dearer than a scan of every row (a four-character search read all 10 000).
ALTER TABLE "experiments" ADD COLUMN "search_text" TEXT GENERATED ALWAYS AS (
  lower("name" || ' ' || "slug" || ' ' || "benchmark" || ' ' || COALESCE("endpoint_a_model", '') || ' ' || COALESCE("endpoint_b_model", ''))
) STORED;

DROP INDEX "experiments_search_idx";
CREATE INDEX "experiments_search_text_idx" ON "experiments" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate = off);
