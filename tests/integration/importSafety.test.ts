import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postImport } from "@/app/api/imports/route";
import { runCli } from "@/lib/cli/main";
import type { Db } from "@/lib/db/client";
import { emptyVerdictCounts } from "@/lib/domain/verdicts";
import { DETECT_HEAD_CHARS } from "@/lib/formats/detect";
import { formatIssue, ImportValidationError } from "@/lib/formats/issues";
import { isManifestFile } from "@/lib/formats/manifest";
import { ImportConflictError } from "@/lib/import/conflicts";
import { diskFile, type ImportInputFile, memoryFile } from "@/lib/import/inputFile";
import { readManifest } from "@/lib/import/manifestImport";
import type { ImportEntry } from "@/lib/import/plan";
import { runImport } from "@/lib/import/runImport";
import { BAD_IMPORTS_DIR, readBadImports } from "../support/badImports";
import { LOCAL_CLIENT } from "../support/localClient";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { type DbSnapshot, importerFixture, snapshotDb } from "./importSupport";

let db: Db;
const zeroVerdicts = emptyVerdictCounts();
let baseline: DbSnapshot;

const jsonl = (...records: Record<string, unknown>[]) => records.map((r) => JSON.stringify(r)).join("\n");
const row = (problem: string, counts: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  problem,
  ...counts,
  ...extra,
});
const BASE = jsonl(
  row("p1", { n: 4, pass: 3, wrongAnswer: 1 }, { difficulty: "easy" }),
  row("p2", { n: 4, pass: 0, timeLimit: 4 }, { difficulty: "hard" }),
  row("p3", { n: 4, pass: 1, runtimeError: 3 }),
);

function importInto(entries: ImportEntry[], options: { replace?: boolean; maxBytes?: number } = {}) {
  return runImport(db, { experiment: { slug: "safety" }, entries, source: "api", ...options });
}

const file = (name: string, text: string | Uint8Array, alpha?: number): ImportEntry => ({
  input: memoryFile(name, text),
  alpha,
});

/** Runs a rejected import and returns its messages, asserting the database did not change at all. */
async function rejected(run: () => Promise<unknown>): Promise<string[]> {
  const before = await snapshotDb(db);
  const error = await run().then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ImportValidationError);
  expect(await snapshotDb(db)).toEqual(before);
  return (error as ImportValidationError).format().split("\n");
}

beforeAll(async () => {
  db = testDb();
  await truncateAll(db);
  await importInto([file("base.jsonl", BASE, 0)]);
  baseline = await snapshotDb(db);
});

afterAll(async () => {
  await db.$disconnect();
});

const BAD_FILES: { fault: string; entry: () => ImportEntry; expected: string }[] = [
  {
    fault: "empty file",
    entry: () => file("empty.jsonl", "", 1),
    expected: "empty.jsonl: the file is empty",
  },
  {
    fault: "malformed JSON line",
    entry: () => file("broken.jsonl", `${jsonl(row("p1", { n: 1, pass: 1 }))}\n{"problem": "p2", "n": 1,`, 1),
    expected: "broken.jsonl:2:",
  },
  {
    fault: "negative count",
    entry: () => file("negative.jsonl", jsonl(row("p1", { n: 1, pass: 2, wrongAnswer: -1 })), 1),
    expected: "negative.jsonl:1: wrongAnswer: expected a non-negative integer count, got the number -1",
  },
  {
    fault: "non-integer count",
    entry: () => file("fraction.jsonl", jsonl(row("p1", { n: 2, pass: 1.5, wrongAnswer: 0.5 })), 1),
    expected: "fraction.jsonl:1: pass: expected a non-negative integer count, got the number 1.5",
  },
  {
    fault: "counts not summing to n",
    entry: () => file("sum.jsonl", jsonl(row("p1", { n: 5, pass: 1, wrongAnswer: 1 })), 1),
    expected: "sum.jsonl:1: n: verdict counts sum to 2 but n is 5",
  },
  {
    fault: "unknown verdict",
    entry: () => file("verdict.jsonl", jsonl({ problem: "p1", verdict: "accepted" }), 1),
    expected: 'verdict.jsonl:1: verdict: unknown verdict the string "accepted"',
  },
  {
    fault: "duplicate (checkpoint, problem) rows",
    entry: () =>
      file("dup.jsonl", jsonl(row("p1", { n: 1, pass: 1 }), row("p1", { n: 1, pass: 0, other: 1 })), 1),
    expected: 'dup.jsonl:2: problem: duplicate row for problem "p1" (first on line 1)',
  },
  {
    fault: "α not a finite number",
    entry: () => file("nan-alpha.jsonl", jsonl(row("p1", { n: 1, pass: 1 })), Number.NaN),
    expected: "nan-alpha.jsonl: alpha: α must be a finite number, got NaN",
  },
  {
    fault: "graded_list and metadata of different lengths",
    entry: () =>
      file(
        "x_eval_all.json",
        JSON.stringify([
          { question_id: "q1", difficulty: "easy", graded_list: [true, false], metadata: ["{}"] },
        ]),
        1,
      ),
    expected: "x_eval_all.json: $[0].metadata: has 1 entries but graded_list has 2",
  },
  {
    fault: "undecodable metadata string",
    entry: () =>
      file(
        "y_eval_all.json",
        JSON.stringify([
          { question_id: "q1", difficulty: "easy", graded_list: [false], metadata: ["{error_code: -2"] },
        ]),
        1,
      ),
    expected: "y_eval_all.json: $[0].metadata[0]: metadata string is not valid JSON",
  },
  {
    fault: "invalid UTF-8",
    entry: () => file("latin1.jsonl", new Uint8Array([0x7b, 0x22, 0xe9, 0xff, 0x22, 0x7d]), 1),
    expected: "latin1.jsonl: the file is not valid UTF-8 text",
  },
  {
    fault: "a 3 MB problem id",
    entry: () => file("huge-id.jsonl", jsonl(row("x".repeat(3 * 1024 * 1024), { n: 1, pass: 1 })), 1),
    expected: "huge-id.jsonl:1: problem: is 3145728 characters long; at most 200 are allowed",
  },
  {
    fault: "a NUL in an uploaded file's name (it is stored with the import)",
    entry: () => file("run\u0000.jsonl", BASE, 1),
    expected:
      "run\\u0000.jsonl: file name: contains a NUL character (at character 4), which cannot be stored",
  },
  {
    fault: "harness file without α",
    entry: () =>
      file("z_eval_all.json", JSON.stringify([{ question_id: "q1", graded_list: [true], metadata: ["{}"] }])),
    expected: "z_eval_all.json: alpha: the file names no α",
  },
];

describe("a rejected import leaves the database byte-for-byte unchanged", () => {
  beforeEach(async () => {
    // Every rejection starts from (and must leave) the state the base import stored.
    expect(await snapshotDb(db)).toEqual(baseline);
  });

  for (const bad of BAD_FILES) {
    it(`refuses ${bad.fault}`, async () => {
      const messages = await rejected(async () => importInto([bad.entry()]));
      expect(messages[0]).toContain(bad.expected);
    });
  }

  it("refuses a file over the size limit before reading it", async () => {
    const messages = await rejected(() => importInto([file("big.jsonl", BASE, 1)], { maxBytes: 64 }));
    expect(messages[0]).toMatch(/^big\.jsonl: the file is \d+ B, over the 64 B limit$/);
  });

  it("refuses different results for stored (checkpoint, problem) rows, naming the problems", async () => {
    const changed = jsonl(
      row("p1", { n: 4, pass: 4 }),
      row("p2", { n: 4, pass: 0, timeLimit: 4 }),
      row("p3", { n: 4, pass: 2, runtimeError: 2 }),
    );
    const before = await snapshotDb(db);
    const error = await importInto([file("changed.jsonl", changed, 0)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportConflictError);
    expect((error as Error).message).toBe(
      'changed.jsonl: problem: α = 0 already has different results for 2 problem(s): "p1", "p3"; send "replace": true to overwrite them',
    );
    expect(await snapshotDb(db)).toEqual(before);
  });

  it("refuses a known difficulty that contradicts the stored one", async () => {
    const messages = await rejected(() =>
      importInto([file("harder.jsonl", jsonl(row("p1", { n: 1, pass: 1 }, { difficulty: "hard" })), 1)]),
    );
    expect(messages[0]).toBe(
      'harder.jsonl: difficulty: 1 problem(s) have a difficulty that contradicts the stored one (e.g. "p1": stored easy, file hard): "p1"',
    );
  });

  it("rolls back the files already written when a later file of the same import conflicts", async () => {
    const good = file("new-checkpoint.jsonl", jsonl(row("p1", { n: 2, pass: 2 })), 5);
    const conflicting = file("conflict.jsonl", jsonl(row("p1", { n: 4, pass: 0, wrongAnswer: 4 })), 0);
    const messages = await rejected(() => importInto([good, conflicting]));
    expect(messages[0]).toContain("conflict.jsonl: problem: α = 0 already has different results");
  });

  it("rolls back rows already written when a bad line comes after several batches", async () => {
    // 120 000 count rows (more than two 50 000-row statements), then a bad line: the rows stream
    // into the database while the file is read, and must all go away with it.
    const lines: string[] = [];
    for (let a = 0; a < 24; a++) {
      for (let p = 0; p < 5000; p++)
        lines.push(`{"alpha":${10 + a},"problem":"q${p}","n":2,"pass":1,"other":1}`);
    }
    lines.push(`{"alpha":99,"problem":"q0","n":2,"pass":3}`);
    const messages = await rejected(() => importInto([file("long.jsonl", lines.join("\n"))]));
    expect(messages).toEqual(["long.jsonl:120001: n: verdict counts sum to 3 but n is 2"]);
  });

  it("refuses a whole manifest sweep when one of its files is bad", async () => {
    const manifest = importerFixture("bad-sweep/sweep.yaml");
    const messages = await rejected(async () => {
      const { experiment, entries } = await readManifest(await diskFile(manifest, manifest), (path) =>
        diskFile(path).catch(() => null),
      );
      return runImport(db, { experiment, entries, source: "cli" });
    });
    expect(messages).toEqual(["alpha2-bad.jsonl:1: n: verdict counts sum to 3 but n is 4"]);
  });

  it("refuses a manifest naming a file that does not exist", async () => {
    const input: ImportInputFile = memoryFile(
      "sweep.yaml",
      "slug: s\nname: S\nbenchmark: b\nsetting: agentic\nendpoints: {a: {label: A}, b: {label: B}}\ncheckpoints:\n  - {alpha: 0, file: missing.jsonl}\n",
    );
    const error = await readManifest(input, async () => null).catch((caught: unknown) => caught);
    expect((error as ImportValidationError).format()).toBe(
      'sweep.yaml: $.checkpoints[0].file: no file "missing.jsonl" (paths are relative to the manifest; upload every file it names with it)',
    );
  });
});

describe("every file of the fault corpus is refused, by the CLI and the API, and changes nothing", () => {
  beforeAll(() => {
    process.env.DATABASE_URL = testDatabaseUrl();
  });

  it.each(readBadImports())("$fault ($file)", async ({ file, format, expected }) => {
    const path = join(BAD_IMPORTS_DIR, file);
    const head = readFileSync(path).subarray(0, DETECT_HEAD_CHARS).toString("utf8");
    const argv = ["import", path];
    // A results file needs an experiment and an α; a manifest names both itself.
    if (!isManifestFile(path, head)) argv.push("--experiment", "corpus", "--alpha", "0.5");
    if (format) argv.push("--format", format);
    const err: string[] = [];
    const code = await runCli(argv, { out: () => undefined, err: (text) => err.push(text) });
    expect({ code, lines: err.join("\n").split("\n") }).toEqual({
      code: 1,
      lines: expected.map((after) => `${path}${after}`),
    });
    expect(await snapshotDb(db)).toEqual(baseline);
  });

  it.each(readBadImports())("$fault ($file), uploaded to POST /api/imports: 422", async (badImport) => {
    const { file, format, expected } = badImport;
    const bytes = readFileSync(join(BAD_IMPORTS_DIR, file));
    const form = new FormData();
    if (!isManifestFile(file, bytes.subarray(0, DETECT_HEAD_CHARS).toString("utf8"))) {
      form.set("experiment", "corpus");
      form.set("alpha", "0.5");
    }
    if (format) form.set("format", format);
    form.append("file", new File([bytes], file));
    const response = await postImport(
      // From this machine, as the upload page opened locally sends it (the write guard's loopback mode).
      new Request("http://localhost:3000/api/imports", { method: "POST", body: form, headers: LOCAL_CLIENT }),
    );
    const body = await response.json();
    expect({ status: response.status, lines: body.error.details.issues.map(formatIssue) }).toEqual({
      status: 422,
      lines: expected.map((after) => `${file}${after}`),
    });
    expect(await snapshotDb(db)).toEqual(baseline);
  });
});

describe("imports that change stored data on purpose", () => {
  it("adds new problems to a checkpoint, keeps identical rows and fills an unknown difficulty", async () => {
    const more = jsonl(
      row("p1", { n: 4, pass: 3, wrongAnswer: 1 }, { difficulty: "easy" }),
      row("p3", { n: 4, pass: 1, runtimeError: 3 }, { difficulty: "medium" }),
      row("p4", { n: 4, pass: 2, compileError: 2 }),
    );
    const report = await importInto([file("more.jsonl", more, 0)]);
    expect(report.files[0].checkpoints[0]).toMatchObject({ inserted: 1, unchanged: 2, replaced: 0 });
    const p3 = await db.problem.findFirstOrThrow({ where: { externalId: "p3" } });
    expect(p3.difficulty).toBe("medium");
  });

  it("counts a problem under the difficulty a later line of the file gives it", async () => {
    const late = jsonl(
      { alpha: 7, ...row("late", { n: 2, pass: 2 }) },
      { alpha: 8, ...row("late", { n: 2, pass: 0, other: 2 }, { difficulty: "hard" }) },
      { alpha: 8, ...row("p1", { n: 4, pass: 1, wrongAnswer: 3 }) },
    );
    const report = await importInto([file("late.jsonl", late)]);
    const [at7, at8] = report.files[0].checkpoints;
    expect(at7).toMatchObject({ alpha: 7, problems: 1, passAt1: 1, byDifficulty: { hard: { problems: 1 } } });
    expect(at7.byDifficulty.unknown).toBeUndefined();
    expect(at8).toMatchObject({ alpha: 8, problems: 2, samples: 6, passAt1: 0.125 });
    expect(at8.byDifficulty).toEqual({
      hard: { problems: 1, samples: 2, passAt1: 0, verdicts: { ...zeroVerdicts, other: 2 } },
      unknown: {
        problems: 1,
        samples: 4,
        passAt1: 0.25,
        verdicts: { ...zeroVerdicts, pass: 1, wrongAnswer: 3 },
      },
    });
  });

  it("overwrites differing rows with replace, and the replaced content is no longer a no-op", async () => {
    const changed = jsonl(row("p1", { n: 4, pass: 4 }));
    const report = await importInto([file("changed.jsonl", changed, 0)], { replace: true });
    expect(report.files[0].checkpoints[0]).toMatchObject({ inserted: 0, replaced: 1, unchanged: 0 });
    const p1 = await db.result.findFirstOrThrow({
      where: { problem: { externalId: "p1" }, checkpoint: { alpha: 0, retiredAt: null } },
    });
    expect(p1.pass).toBe(4);
    // The replaced checkpoint is retired, not overwritten: its row keeps the old counts.
    const old = await db.result.findFirstOrThrow({
      where: { problem: { externalId: "p1" }, checkpoint: { alpha: 0, retiredAt: { not: null } } },
    });
    expect(old.pass).not.toBe(4);
    // The original file was imported before, but its p1 row was overwritten since: not a no-op.
    const error = await importInto([file("base.jsonl", BASE, 0)]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ImportConflictError);
  });
});
