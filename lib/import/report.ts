import type { Difficulty } from "../domain/difficulty";
import type { VerdictCounts } from "../domain/verdicts";
import type { ImportFormat } from "../formats/formats";
import type { ResultTotals } from "../formats/summarizeRun";

/** What one file holds for one checkpoint, and what the import did with it. */
export interface CheckpointReport {
  /** The checkpoint's α; null for a trained checkpoint. */
  alpha: number | null;
  /** A trained checkpoint's label; null for an α checkpoint. */
  trained: string | null;
  /** True when the checkpoint did not exist before this import. */
  created: boolean;
  /** `unchanged`: the same content was already imported into this checkpoint; nothing was written. */
  status: "imported" | "unchanged";
  problems: number;
  samples: number;
  verdicts: VerdictCounts;
  /** Mean unbiased pass@1 over the checkpoint's problems in this file. */
  passAt1: number;
  byDifficulty: Partial<Record<Difficulty, ResultTotals>>;
  /** Result rows newly stored, overwritten (--replace) and already stored identically. */
  inserted: number;
  replaced: number;
  unchanged: number;
}

export interface FileReport {
  file: string;
  format: ImportFormat;
  /** sha256 (hex) of the file's bytes and the options that change how they are read. */
  contentHash: string;
  notes: string[];
  checkpoints: CheckpointReport[];
}

/** The summary every import entry point (CLI, API, page) returns. */
export interface ImportReport {
  /** True when nothing was written: the import was validated and rolled back. */
  dryRun: boolean;
  /** `unchanged` when every checkpoint of every file was already imported with the same content. */
  status: "imported" | "unchanged";
  experiment: { slug: string; name: string; created: boolean };
  files: FileReport[];
  totals: {
    /** Distinct problems over all files. */
    problems: number;
    samples: number;
    verdicts: VerdictCounts;
    rows: number;
    inserted: number;
    replaced: number;
    unchanged: number;
  };
}
