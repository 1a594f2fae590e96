-- Pinned snapshots (short links) and saved views (the review deck).

-- CreateTable
CREATE TABLE "snapshots" (
    "id" TEXT NOT NULL,
    "experiment_id" INTEGER,
    "experiment_slug" TEXT NOT NULL,
    "page" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "version" TEXT NOT NULL,
    "title" TEXT,
    "data" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "saved_views" (
    "id" SERIAL NOT NULL,
    "experiment_id" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "page" TEXT NOT NULL,
    "view" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_views_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "snapshots_experiment_id_idx" ON "snapshots"("experiment_id");

-- CreateIndex
CREATE INDEX "saved_views_experiment_id_position_idx" ON "saved_views"("experiment_id", "position");

-- AddForeignKey
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_experiment_id_fkey" FOREIGN KEY ("experiment_id") REFERENCES "experiments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddCheckConstraint (written by hand: Prisma's schema language cannot express CHECK constraints)
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_page_check" CHECK ("page" IN ('explorer', 'scaling'));

-- AddCheckConstraint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_id_check" CHECK ("id" ~ '^[A-Za-z0-9_-]{8}$');

-- AddCheckConstraint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_page_check" CHECK ("page" IN ('explorer', 'scaling'));

-- AddCheckConstraint
ALTER TABLE "saved_views" ADD CONSTRAINT "saved_views_position_check" CHECK ("position" >= 0);
