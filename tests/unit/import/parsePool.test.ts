import { describe, expect, it } from "vitest";
import type { CheckpointKey } from "@/lib/domain/checkpointKey";
import type { Difficulty } from "@/lib/domain/difficulty";
import type { ResultInput } from "@/lib/domain/sweepInput";
import { ImportValidationError } from "@/lib/formats/issues";
import { memoryFile } from "@/lib/import/inputFile";
import { ParsePool } from "@/lib/import/parsePool";
import type { ImportEntry, PlannedFile } from "@/lib/import/plan";
import { prepareFile } from "@/lib/import/prepareFile";
import { type ResultSink, streamFile } from "@/lib/import/streamFile";

type Row = [CheckpointKey, ResultInput, Difficulty];

/** A native JSONL file of `count` rows over two α, with seeded verdict counts. */
function nativeLines(count: number, bad: number | null = null): string {
  return Array.from({ length: count }, (_, i) => {
    const pass = (i * 7) % 5;
    const n = i === bad ? 9 : 4;
    return `{"alpha":${i % 2},"problem":"p${i >> 1}","n":${n},"pass":${Math.min(pass, 4)},"wrongAnswer":${4 - Math.min(pass, 4)},"difficulty":"${["easy", "medium", "hard"][(i >> 1) % 3]}"}`;
  }).join("\n");
}

/** A sink collecting rows; counts the writes it was asked to wait for. */
function collector(): { rows: Row[]; sink: ResultSink; waits: () => number } {
  const rows: Row[] = [];
  let waits = 0;
  return {
    rows,
    sink: {
      add: (key, result, difficulty) => rows.push([key, result, difficulty]),
      afterChunk: async () => {
        waits++;
      },
    },
    waits: () => waits,
  };
}

const plan = (entries: ImportEntry[]): Promise<PlannedFile[]> =>
  Promise.all(entries.map((entry) => prepareFile(entry, {})));

/** Whether the event loop turned (a macrotask ran) before `work` settled. */
async function loopTurnedDuring(work: () => Promise<unknown>): Promise<boolean> {
  let turned = false;
  const immediate = setImmediate(() => {
    turned = true;
  });
  const settled = work();
  const result = turned;
  await settled.catch(() => undefined);
  clearImmediate(immediate);
  return result;
}

// A thread starts by loading the import's TypeScript through tsx: seconds on a loaded machine.
describe("ParsePool", { timeout: 60_000 }, () => {
  it("gives the same rows and file as a parse on the main thread, in file order", async () => {
    const entries = [0, 1, 2].map((i) => ({
      input: memoryFile(`f${i}.jsonl`, nativeLines(3_000 + i * 500)),
    }));
    const files = await plan(entries);
    const pool = new ParsePool(files, 2);
    try {
      for (const [i, planned] of files.entries()) {
        const threaded = collector();
        const main = collector();
        const fromThread = await pool.stream(i, threaded.sink);
        expect(fromThread).toEqual(await streamFile(planned, main.sink));
        expect(threaded.rows).toEqual(main.rows);
        expect(threaded.rows).toHaveLength(3_000 + i * 500);
      }
    } finally {
      await pool.close();
    }
  });

  it("parses off the calling thread: the event loop turns while a file is parsed", async () => {
    // One chunk, in memory: parsed on this thread, streamFile never yields to the event loop…
    const [planned] = await plan([{ input: memoryFile("big.jsonl", nativeLines(20_000)) }]);
    expect(await loopTurnedDuring(() => streamFile(planned, collector().sink))).toBe(false);
    // …while the pool's thread parses it, this thread keeps answering.
    const pool = new ParsePool([planned], 1);
    try {
      const { rows, sink } = collector();
      let turned = false;
      setImmediate(() => {
        turned = true;
      });
      await pool.stream(0, {
        add: (...row) => {
          expect(turned).toBe(true);
          sink.add(...row);
        },
        afterChunk: () => sink.afterChunk(),
      });
      expect(rows).toHaveLength(20_000);
    } finally {
      await pool.close();
    }
  });

  it("hands on the first failure, as the main thread's parse reports it", async () => {
    const files = await plan([
      { input: memoryFile("good.jsonl", nativeLines(2_000)) },
      { input: memoryFile("bad.jsonl", nativeLines(2_000, 1_234)) },
    ]);
    const expected = await streamFile(files[1], collector().sink).catch((error: unknown) => error);
    expect(expected).toBeInstanceOf(ImportValidationError);
    expect((expected as ImportValidationError).format()).toBe(
      "bad.jsonl:1235: n: verdict counts sum to 4 but n is 9",
    );
    const pool = new ParsePool(files, 2);
    try {
      // The writer is still on the good file; the bad one fails in the other thread.
      const failure = await (async () => {
        await pool.stream(0, collector().sink);
        return pool.stream(1, collector().sink);
      })().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ImportValidationError);
      expect((failure as ImportValidationError).format()).toBe((expected as ImportValidationError).format());
    } finally {
      await pool.close();
    }
  });
});
