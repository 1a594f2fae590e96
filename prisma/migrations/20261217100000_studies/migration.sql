-- Studies: experiments that belong together (the paper's grid of inference settings × model scales).
-- An experiment belongs to at most one study; deleting a study's last experiment leaves the study
-- (it is found by slug again when an experiment joins it), deleting a study detaches its experiments.

-- CreateTable
CREATE TABLE "studies" (
    "id" SERIAL NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "studies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "studies_slug_key" ON "studies"("slug");

-- AlterTable
ALTER TABLE "experiments" ADD COLUMN "study_id" INTEGER;

-- CreateIndex
CREATE INDEX "experiments_study_id_idx" ON "experiments"("study_id");

-- AddForeignKey
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_study_id_fkey" FOREIGN KEY ("study_id") REFERENCES "studies"("id") ON DELETE SET NULL ON UPDATE CASCADE;
