-- CreateTable
CREATE TABLE "experiments" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "benchmark" TEXT NOT NULL,
    "setting" TEXT NOT NULL,
    "model_family" TEXT,
    "model_scale" TEXT,
    "synthetic" BOOLEAN NOT NULL DEFAULT false,
    "endpoint_a_label" TEXT NOT NULL,
    "endpoint_a_model" TEXT,
    "endpoint_b_label" TEXT NOT NULL,
    "endpoint_b_model" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "experiments_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "checkpoints" (
    "id" SERIAL NOT NULL,
    "experiment_id" INTEGER NOT NULL,
    "alpha" DOUBLE PRECISION NOT NULL,
    "label" TEXT,
    "model" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "checkpoints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "problems" (
    "id" SERIAL NOT NULL,
    "benchmark" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "title" TEXT,
    "difficulty" TEXT NOT NULL DEFAULT 'unknown',
    "platform" TEXT,
    "contest_date" DATE,

    CONSTRAINT "problems_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "results" (
    "checkpoint_id" INTEGER NOT NULL,
    "problem_id" INTEGER NOT NULL,
    "n" INTEGER NOT NULL,
    "pass" INTEGER NOT NULL,
    "wrong_answer" INTEGER NOT NULL,
    "time_limit" INTEGER NOT NULL,
    "runtime_error" INTEGER NOT NULL,
    "compile_error" INTEGER NOT NULL,
    "other" INTEGER NOT NULL,
    "runtime_count" INTEGER NOT NULL DEFAULT 0,
    "runtime_mean_ms" DOUBLE PRECISION,
    "runtime_min_ms" DOUBLE PRECISION,
    "runtime_max_ms" DOUBLE PRECISION,
    "dps_norm" DOUBLE PRECISION,

    CONSTRAINT "results_pkey" PRIMARY KEY ("checkpoint_id","problem_id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" SERIAL NOT NULL,
    "experiment_id" INTEGER,
    "checkpoint_id" INTEGER,
    "source" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "row_count" INTEGER NOT NULL,
    "problem_count" INTEGER NOT NULL,
    "sample_count" INTEGER NOT NULL,
    "summary" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "experiments_slug_key" ON "experiments"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "checkpoints_experiment_id_alpha_key" ON "checkpoints"("experiment_id", "alpha");

-- CreateIndex
CREATE UNIQUE INDEX "problems_benchmark_external_id_key" ON "problems"("benchmark", "external_id");

-- CreateIndex
CREATE INDEX "import_batches_checkpoint_id_content_hash_idx" ON "import_batches"("checkpoint_id", "content_hash");

-- CreateIndex
CREATE INDEX "import_batches_experiment_id_idx" ON "import_batches"("experiment_id");

-- AddForeignKey
ALTER TABLE "checkpoints" ADD CONSTRAINT "checkpoints_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "results" ADD CONSTRAINT "results_problem_id_fkey" FOREIGN KEY ("problem_id") REFERENCES "problems"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_checkpoint_id_fkey" FOREIGN KEY ("checkpoint_id") REFERENCES "checkpoints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddCheckConstraint (written by hand: Prisma's schema language cannot express CHECK constraints)
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_setting_check" CHECK ("setting" IN ('pure-reasoning', 'tool-use', 'agentic'));

-- AddCheckConstraint
ALTER TABLE "problems" ADD CONSTRAINT "problems_difficulty_check" CHECK ("difficulty" IN ('easy', 'medium', 'hard', 'unknown'));

-- AddCheckConstraint
ALTER TABLE "results" ADD CONSTRAINT "results_counts_nonnegative_check" CHECK ("pass" >= 0 AND "wrong_answer" >= 0 AND "time_limit" >= 0 AND "runtime_error" >= 0 AND "compile_error" >= 0 AND "other" >= 0);

-- AddCheckConstraint
ALTER TABLE "results" ADD CONSTRAINT "results_n_positive_check" CHECK ("n" > 0);

-- AddCheckConstraint
ALTER TABLE "results" ADD CONSTRAINT "results_counts_sum_to_n_check" CHECK ("pass" + "wrong_answer" + "time_limit" + "runtime_error" + "compile_error" + "other" = "n");

-- AddCheckConstraint
ALTER TABLE "results" ADD CONSTRAINT "results_runtime_count_check" CHECK ("runtime_count" >= 0 AND "runtime_count" <= "pass");

-- AddCheckConstraint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_source_check" CHECK ("source" IN ('cli', 'api', 'web', 'demo'));

-- AddCheckConstraint
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_counts_check" CHECK ("row_count" >= 0 AND "problem_count" >= 0 AND "sample_count" >= 0);
