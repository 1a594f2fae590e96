import type { Prisma } from "../generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Where an import came from, as recorded in import_batches.source (its CHECK constraint allows these). */
export type ImportSource = "cli" | "api" | "web" | "demo";

/** The import_batches row of one file's rows for one checkpoint. */
export interface ImportBatchRecord {
  experimentId: number;
  checkpointId: number;
  source: ImportSource;
  fileName: string;
  format: string;
  contentHash: string;
  rowCount: number;
  problemCount: number;
  sampleCount: number;
  /** Rows of existing results this import overwrote (0 unless --replace was used). */
  replacedRows: number;
  summary: Prisma.InputJsonObject;
}

/**
 * True when content with this hash was already imported into the checkpoint and no later import
 * replaced rows of that checkpoint (which could have overwritten what it stored): importing it
 * again would change nothing.
 */
export async function wasImported(tx: Tx, checkpointId: number, contentHash: string): Promise<boolean> {
  const rows = await tx.$queryRawUnsafe<unknown[]>(
    `SELECT 1 FROM "import_batches" b
     WHERE b."checkpoint_id" = $1 AND b."content_hash" = $2
       AND NOT EXISTS (
         SELECT 1 FROM "import_batches" later
         WHERE later."checkpoint_id" = $1 AND later."id" > b."id"
           AND COALESCE((later."summary" ->> 'replacedRows')::int, 0) > 0)
     LIMIT 1`,
    checkpointId,
    contentHash,
  );
  return rows.length > 0;
}

/** Records one import batch; `replacedRows` is kept in the summary for {@link wasImported}. */
export async function recordImportBatch(tx: Tx, record: ImportBatchRecord): Promise<void> {
  const { replacedRows, summary, ...columns } = record;
  await tx.importBatch.create({ data: { ...columns, summary: { ...summary, replacedRows } } });
}
