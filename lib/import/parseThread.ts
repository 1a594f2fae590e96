import { parentPort, workerData } from "node:worker_threads";
import { ImportValidationError } from "../formats/issues";
import { diskFile, type ImportInputFile, memoryFile } from "./inputFile";
import type {
  FromParseThread,
  ParsedRow,
  ParseFailure,
  ParseInput,
  ParseJob,
  ToParseThread,
} from "./parseMessages";
import { UNACKED_BATCHES } from "./parseMessages";
import { streamFile } from "./streamFile";

/**
 * A parse thread of lib/import/parsePool.ts: reads and parses one file at a time with streamFile,
 * exactly as the main thread would, and sends its rows in batches (waiting while UNACKED_BATCHES
 * are not yet written), its progress, and what the file was.
 */
const port = parentPort;
if (port === null) throw new Error("parseThread.ts runs as a worker thread.");

const post = (message: FromParseThread) => port.postMessage(message);

/** The lock the pool's threads share (0 free, 1 held): see PlannedFile.exclusive. */
const lock = new Int32Array((workerData as { lock: SharedArrayBuffer }).lock);

/**
 * Runs `parse` holding the shared lock; a thread waiting for it blocks (it has nothing else to do:
 * its file is read, and its rows wait for this parse).
 */
function exclusive<T>(parse: () => T): T {
  while (Atomics.compareExchange(lock, 0, 0, 1) !== 0) Atomics.wait(lock, 0, 1);
  try {
    return parse();
  } finally {
    Atomics.store(lock, 0, 0);
    Atomics.notify(lock, 0, 1);
  }
}

/** Batches of rows sent and not yet written by the main thread, over every job of this thread. */
let unacked = 0;
let wake: (() => void) | null = null;

function inputFile(input: ParseInput): Promise<ImportInputFile> | ImportInputFile {
  return "path" in input ? diskFile(input.path, input.name) : memoryFile(input.name, input.bytes);
}

function failure(error: unknown): ParseFailure {
  if (error instanceof ImportValidationError)
    return { kind: "invalid", issues: [...error.issues], truncated: error.truncated };
  const known = error instanceof Error ? error : new Error(String(error));
  return { kind: "error", name: known.name, message: known.message, stack: known.stack };
}

async function parse(job: ParseJob): Promise<void> {
  // `unacked` carries over: the previous file's last batches may still wait for the writer.
  let rows: ParsedRow[] = [];
  const send = async () => {
    if (rows.length > 0) {
      post({ type: "rows", rows });
      rows = [];
      unacked += 1;
    }
    while (unacked >= UNACKED_BATCHES) await new Promise<void>((resolve) => (wake = resolve));
  };
  try {
    const input = await inputFile(job.input);
    const generation = job.generation && (await inputFile(job.generation));
    const file = await streamFile(
      {
        entry: { input, alpha: job.alpha, trained: job.trained, generation },
        format: job.format,
        tests: job.tests,
        maxBytes: job.maxBytes,
        onProgress: (read, total) => post({ type: "progress", join: false, read, total }),
        onJoinProgress: (read, total) => post({ type: "progress", join: true, read, total }),
        exclusive,
      },
      { add: (key, result, difficulty) => rows.push([key, result, difficulty]), afterChunk: send },
    );
    await send();
    post({ type: "done", file });
  } catch (error) {
    post({ type: "failed", failure: failure(error) });
  }
}

port.on("message", (message: ToParseThread) => {
  if (message.type === "job") void parse(message.job);
  else {
    unacked -= 1;
    const resume = wake;
    wake = null;
    resume?.();
  }
});
