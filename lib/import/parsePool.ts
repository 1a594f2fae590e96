import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { ImportValidationError } from "../formats/issues";
import type { ImportInputFile } from "./inputFile";
import type { FromParseThread, ParseFailure, ParseInput, ParseJob, ToParseThread } from "./parseMessages";
import type { PlannedFile } from "./plan";
import type { ResultSink, StreamedFile } from "./streamFile";

/**
 * The thread entry. Beside this module when it runs from the repository (the CLI, tests); the Next
 * server runs bundled code whose own location says nothing about where lib/ is, and `npm start`
 * runs it from the repository (as the compute pool finds its thread).
 */
function threadFile(): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), "parseThread.mjs");
  return existsSync(beside) ? beside : join(process.cwd(), "lib/import/parseThread.mjs");
}

/** Where a parse thread finds a file's bytes. */
function parseInput({ name, origin }: ImportInputFile): ParseInput {
  if (origin === undefined)
    throw new Error(`${name}: a file without a path or bytes cannot be parsed in a thread.`);
  return "path" in origin ? { name, path: origin.path } : { name, bytes: origin.bytes };
}

/** The parse job of a planned file: everything streamFile needs, as plain data. */
function jobOf(planned: PlannedFile): ParseJob {
  const { input, alpha, trained, generation } = planned.entry;
  return {
    input: parseInput(input),
    alpha,
    trained,
    format: planned.format,
    tests: planned.tests,
    generation: generation && parseInput(generation),
    maxBytes: planned.maxBytes,
  };
}

function errorOf(failure: ParseFailure): Error {
  if (failure.kind === "invalid") return new ImportValidationError(failure.issues, failure.truncated);
  const error = new Error(failure.message);
  error.name = failure.name;
  error.stack = failure.stack;
  return error;
}

/** Messages of one file, in order, waiting for the writer to take them. */
class FileChannel {
  readonly messages: FromParseThread[] = [];
  private waiter: { resolve(message: FromParseThread): void; reject(error: Error): void } | null = null;
  thread: Worker | null = null;

  push(message: FromParseThread): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter.resolve(message);
    else this.messages.push(message);
  }

  fail(error: Error): void {
    this.waiter?.reject(error);
    this.waiter = null;
  }

  next(failure: Error | null): Promise<FromParseThread> {
    const message = this.messages.shift();
    if (message) return Promise.resolve(message);
    if (failure) return Promise.reject(failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }
}

/**
 * Parses an import's files in worker threads, several at once, while the main thread writes them
 * one after another, in order, into the import's one transaction (so the stored result is the same
 * as a parse on the main thread). Each thread sends its file's rows in batches and waits while
 * UNACKED_BATCHES of them are not yet written; files are started at most `threads` ahead of the one
 * being written: what is parsed but not yet written stays bounded. The first failure (a file's
 * invalid line, a thread's crash) stops every thread, and the writer gets it at its next read, so
 * the transaction rolls back. {@link close} stops the threads in every case.
 */
export class ParsePool {
  private readonly channels: FileChannel[];
  private readonly idle: Worker[] = [];
  private readonly threads: Worker[] = [];
  private started = 0;
  private writing = 0;
  private failure: Error | null = null;
  private closed = false;
  /** The lock the threads share around the parse of a whole JSON document (PlannedFile.exclusive). */
  private readonly lock = new SharedArrayBuffer(4);

  constructor(
    private readonly files: readonly PlannedFile[],
    private readonly size: number,
  ) {
    this.channels = files.map(() => new FileChannel());
    this.schedule();
  }

  /**
   * Hands file `index`'s rows to `sink` as its thread sends them, acknowledging each batch once the
   * sink has taken it; resolves with what the file was. Files are read in index order.
   */
  async stream(index: number, sink: ResultSink): Promise<StreamedFile> {
    this.writing = index;
    this.schedule();
    const channel = this.channels[index];
    for (;;) {
      const message = await channel.next(this.failure);
      if (message.type === "rows") {
        for (const [key, result, difficulty] of message.rows) sink.add(key, result, difficulty);
        await sink.afterChunk();
        channel.thread?.postMessage({ type: "ack" } satisfies ToParseThread);
      } else if (message.type === "done") return message.file;
    }
  }

  /** Stops every thread (the import is over, or failed). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.threads.map((thread) => thread.terminate()));
  }

  private schedule(): void {
    while (
      !this.closed &&
      this.failure === null &&
      this.started < this.files.length &&
      this.started <= this.writing + this.size &&
      (this.idle.length > 0 || this.threads.length < this.size)
    ) {
      const index = this.started++;
      const thread = this.idle.pop() ?? this.startThread();
      const channel = this.channels[index];
      channel.thread = thread;
      thread.removeAllListeners("message");
      thread.on("message", (message: FromParseThread) => this.receive(index, thread, message));
      thread.postMessage({ type: "job", job: jobOf(this.files[index]) } satisfies ToParseThread);
    }
  }

  private receive(index: number, thread: Worker, message: FromParseThread): void {
    if (message.type === "progress") {
      const planned = this.files[index];
      (message.join ? planned.onJoinProgress : planned.onProgress)?.(message.read, message.total);
      return;
    }
    if (message.type === "failed") {
      this.fail(errorOf(message.failure));
      return;
    }
    this.channels[index].push(message);
    if (message.type === "done") {
      this.idle.push(thread);
      this.schedule();
    }
  }

  private startThread(): Worker {
    const thread = new Worker(threadFile(), { workerData: { lock: this.lock } });
    // A crash is the import's failure; exits after close() are the pool's own doing.
    thread.on("error", (error) => this.fail(error));
    thread.on("exit", (code) => {
      if (!this.closed) this.fail(new Error(`An import parse thread stopped (exit code ${code}).`));
    });
    this.threads.push(thread);
    return thread;
  }

  private fail(error: Error): void {
    if (this.failure !== null || this.closed) return;
    this.failure = error;
    for (const channel of this.channels) channel.fail(error);
    for (const thread of this.threads) void thread.terminate();
  }
}
