import type { CheckpointKey, TrainedTarget } from "../domain/checkpointKey";
import type { Difficulty } from "../domain/difficulty";
import type { ResultInput } from "../domain/sweepInput";
import type { EvalPlusTests } from "../formats/evalplusStatus";
import type { ImportFormat } from "../formats/formats";
import type { ImportIssue } from "../formats/issues";
import type { StreamedFile } from "./streamFile";

/** Where a parse thread finds a file's bytes: a path on disk, or the bytes themselves (a JSON upload). */
export type ParseInput = { name: string; path: string } | { name: string; bytes: Uint8Array };

/** One file for a parse thread: what streamFile needs of a planned file, as plain data. */
export interface ParseJob {
  input: ParseInput;
  alpha: number | undefined;
  trained: TrainedTarget | undefined;
  format: ImportFormat;
  tests: EvalPlusTests | undefined;
  /** LiveCodeBench `_eval.json`: its join file, read by the thread first. */
  generation: ParseInput | undefined;
  maxBytes: number | undefined;
}

/** A row as the sink takes it: checkpoint, result, its problem's difficulty so far. */
export type ParsedRow = [CheckpointKey, ResultInput, Difficulty];

/** An error a thread hit, carried across: an invalid file's issues, or anything else's message. */
export type ParseFailure =
  | { kind: "invalid"; issues: ImportIssue[]; truncated: boolean }
  | { kind: "error"; name: string; message: string; stack: string | undefined };

/** From the main thread to a parse thread. */
export type ToParseThread =
  | { type: "job"; job: ParseJob }
  /** The main thread has written one more batch of rows of the current job. */
  | { type: "ack" };

/** From a parse thread to the main thread, about its current job. */
export type FromParseThread =
  /** Bytes read of the job's file, or of its join file (`join`). */
  | { type: "progress"; join: boolean; read: number; total: number }
  | { type: "rows"; rows: ParsedRow[] }
  | { type: "done"; file: StreamedFile }
  | { type: "failed"; failure: ParseFailure };

/**
 * Batches of rows a thread may send ahead of the writer (each ~10 000 rows at most, a 2 MiB chunk's
 * worth of native lines): back-pressure, so a fast parse of a large file waits for the database
 * instead of piling its rows up in the main thread.
 */
export const UNACKED_BATCHES = 4;
