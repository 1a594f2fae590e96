-- The home page's list at scale (issue #24): each sort of GET /api/experiments reads an index in
-- order (sort column, lower-cased, then slug: keyset paging), filters use the leading columns, and `q` (a substring
-- of name, slug, benchmark or model references) a trigram index.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE INDEX "experiments_updated_at_slug_idx" ON "experiments" ("updated_at", "slug");
CREATE INDEX "experiments_name_slug_idx" ON "experiments" ((lower("name")), "slug");
CREATE INDEX "experiments_benchmark_slug_idx" ON "experiments" ((lower("benchmark")), "slug");
-- The benchmark filter is an exact match.
CREATE INDEX "experiments_benchmark_idx" ON "experiments" ("benchmark");
CREATE INDEX "experiments_setting_slug_idx" ON "experiments" ("setting", "slug");
CREATE INDEX "experiments_scale_slug_idx" ON "experiments" ((lower(COALESCE("model_scale", ''))), "slug");
CREATE INDEX "experiments_family_slug_idx" ON "experiments" ((lower(COALESCE("model_family", ''))), "slug");
CREATE INDEX "experiments_search_idx" ON "experiments" USING gin (
  ("name" || ' ' || "slug" || ' ' || "benchmark" || ' ' || COALESCE("endpoint_a_model", '') || ' ' || COALESCE("endpoint_b_model", '')) gin_trgm_ops
);
