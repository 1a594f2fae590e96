/**
 * Import throughput benchmark (`npm run bench:import`): generates native alphascope JSONL with one
 * line per (checkpoint, problem) (20 α × 5 000 = 100k rows and 200 α × 5 000 = 1M rows), imports
 * each through the real pipeline (rows streamed into one transaction as they are parsed) into a
 * fresh embedded PostgreSQL, each in its own process so peak RSS is that import's own; the 1M file
 * once more with the V8 heap capped, to show the live set does not grow with the file. Then loads
 * the same 1M rows with a raw server-side COPY as the ceiling, with the foreign-key triggers on
 * (plain COPY) and off (as the import inserts). Prints figures and the load average; not a test.
 * `--paper-scale` measures LiveCodeBench files of the paper's size instead (scripts/support/paperScaleBench.ts);
 * `--paper-sweep [count]` only its sweep, of `count` α (41 by default).
 */
import { execFileSync } from "node:child_process";
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { createPrisma } from "../lib/db/client";
import { startEmbeddedServer } from "../lib/db/embeddedPostgres";
import { applyMigrations } from "../lib/db/migrate";
import { diskFile } from "../lib/import/inputFile";
import { runImport } from "../lib/import/runImport";
import { freePort } from "./support/freePort";
import {
  importChild,
  jsonParseChild,
  pagesChild,
  paperScale,
  paperSweep,
  streamJsonChild,
} from "./support/paperScaleBench";

const PROBLEMS = 5000;
const SAMPLES = 16;
const TARGET_ROWS_PER_SECOND = 100_000;
/** Old-space cap (MB) of the extra 1M run: well under what the uncapped run's heap grows to. */
const CAPPED_HEAP_MB = 128;

/** Deterministic verdict counts of (checkpoint a, problem p), summing to SAMPLES. */
function counts(a: number, p: number): number[] {
  const pass = (a * 7 + p * 13) % (SAMPLES + 1);
  const wrong = Math.min(SAMPLES - pass, (a + p * 3) % 5);
  const time = Math.min(SAMPLES - pass - wrong, (a * 3 + p) % 4);
  const runtime = Math.min(SAMPLES - pass - wrong - time, p % 2);
  return [pass, wrong, time, runtime, 0, SAMPLES - pass - wrong - time - runtime];
}

const alphaOf = (a: number) => -1 + a * 0.015;

async function writeStream(path: string, lines: (write: (line: string) => void) => void): Promise<void> {
  const out = createWriteStream(path);
  const buffer: string[] = [];
  const flush = () => {
    out.write(buffer.join(""));
    buffer.length = 0;
  };
  lines((line) => {
    buffer.push(line);
    if (buffer.length === 10_000) flush();
  });
  flush();
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

function writeJsonl(path: string, alphas: number): Promise<void> {
  return writeStream(path, (write) => {
    for (let a = 0; a < alphas; a++) {
      for (let p = 0; p < PROBLEMS; p++) {
        const [pass, wrongAnswer, timeLimit, runtimeError, compileError, other] = counts(a, p);
        write(
          `{"alpha":${alphaOf(a)},"problem":"p${p}","n":${SAMPLES},"pass":${pass},"wrongAnswer":${wrongAnswer},"timeLimit":${timeLimit},"runtimeError":${runtimeError},"compileError":${compileError},"other":${other}}\n`,
        );
      }
    }
  });
}

/** Child mode: import one file and print {seconds, rows, peakRssMb} as JSON. */
async function child(url: string, path: string, slug: string): Promise<void> {
  const db = createPrisma(url);
  const start = performance.now();
  const report = await runImport(db, {
    experiment: { slug },
    entries: [{ input: await diskFile(path) }],
    source: "cli",
  });
  const seconds = (performance.now() - start) / 1000;
  await db.$disconnect();
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ seconds, rows: report.totals.rows, peakRssMb }));
}

interface ImportFigures {
  seconds: number;
  rows: number;
  peakRssMb: number;
}

function importInChild(url: string, path: string, slug: string, nodeFlags: string[] = []): ImportFigures {
  const output = execFileSync(
    process.execPath,
    [...nodeFlags, "--import", "tsx", process.argv[1], "--child", url, path, slug],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(output.trim().split("\n").pop() ?? "{}");
}

/**
 * Raw COPY of the 1M result rows into a new experiment `slug` with the same problems: the ceiling.
 * With `skipReferenceTriggers`, as the import does, PostgreSQL's per-row foreign-key lookups are off.
 */
async function rawCopy(
  url: string,
  dir: string,
  alphas: number,
  slug: string,
  skipReferenceTriggers: boolean,
): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: problems } = await client.query<{ id: number; external_id: string }>(
      `SELECT id, external_id FROM problems`,
    );
    const problemId = new Map(problems.map((row) => [row.external_id, row.id]));
    const {
      rows: [experiment],
    } = await client.query<{ id: number }>(
      `INSERT INTO experiments (slug, name, description, benchmark, setting, endpoint_a_label, endpoint_b_label, updated_at)
       VALUES ($1, $1, '', 'custom', 'pure-reasoning', 'A', 'B', now()) RETURNING id`,
      [slug],
    );
    const { rows: checkpoints } = await client.query<{ id: number }>(
      `INSERT INTO checkpoints (experiment_id, alpha) SELECT $1, a FROM unnest($2::float8[]) a RETURNING id`,
      [experiment.id, Array.from({ length: alphas }, (_, a) => alphaOf(a))],
    );
    const csv = join(dir, `${slug}.csv`);
    await writeStream(csv, (write) => {
      checkpoints.forEach(({ id }, a) => {
        for (let p = 0; p < PROBLEMS; p++) {
          write(`${id},${problemId.get(`p${p}`)},${SAMPLES},${counts(a, p).join(",")}\n`);
        }
      });
    });
    chmodSync(csv, 0o644);
    const start = performance.now();
    await client.query("BEGIN");
    if (skipReferenceTriggers) await client.query("SET LOCAL session_replication_role = replica");
    await client.query(
      `COPY results (checkpoint_id, problem_id, n, pass, wrong_answer, time_limit, runtime_error, compile_error, other)
       FROM '${csv}' WITH (FORMAT csv)`,
    );
    await client.query("COMMIT");
    rmSync(csv);
    return (performance.now() - start) / 1000;
  } finally {
    await client.end();
  }
}

/**
 * Runs `body` with a fresh embedded PostgreSQL (migrated) and a temporary folder, both deleted after.
 */
async function withDatabase(name: string, body: (url: string, dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), `alphascope-bench-${name}-`));
  // Readable by the server (it runs as the `postgres` user when we are root) for the raw COPY.
  chmodSync(dir, 0o755);
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-bench-pg-"));
  const server = await startEmbeddedServer({ dataDir, port: await freePort(), database: "alphascope" });
  try {
    await applyMigrations(server.url);
    await body(server.url, dir);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function nativeJsonl(url: string, dir: string): Promise<void> {
  const results: Record<string, ImportFigures> = {};
  for (const alphas of [20, 200]) {
    const path = join(dir, `sweep-${alphas}.jsonl`);
    await writeJsonl(path, alphas);
    results[alphas] = importInChild(url, path, `bench-${alphas}`);
    if (alphas === 200) {
      results.capped = importInChild(url, path, "bench-capped", [`--max-old-space-size=${CAPPED_HEAP_MB}`]);
    }
    rmSync(path);
  }
  const copySeconds = await rawCopy(url, dir, 200, "raw-copy", false);
  const copyNoFkSeconds = await rawCopy(url, dir, 200, "raw-copy-no-fk", true);
  const small = results[20];
  const large = results[200];
  const rate = large.rows / large.seconds;
  const line = (label: string, r: ImportFigures) =>
    console.log(
      `  ${r.rows.toLocaleString("en-US").padStart(9)} rows${label}: ${r.seconds.toFixed(2)} s, ` +
        `${Math.round(r.rows / r.seconds).toLocaleString("en-US")} rows/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
  console.log(`native JSONL import, ${PROBLEMS} problems, n = ${SAMPLES}`);
  line("", small);
  line("", large);
  line(` (heap capped at ${CAPPED_HEAP_MB} MB)`, results.capped);
  console.log(
    `  target ≥ ${TARGET_ROWS_PER_SECOND.toLocaleString("en-US")} rows/s: ${rate >= TARGET_ROWS_PER_SECOND ? "met" : "NOT met"}`,
  );
  console.log(`  peak RSS 1M / 100k: ${(large.peakRssMb / small.peakRssMb).toFixed(2)}×`);
  for (const [label, seconds] of [
    ["foreign-key triggers on", copySeconds],
    ["foreign-key triggers off", copyNoFkSeconds],
  ] as const) {
    const copyRate = large.rows / seconds;
    console.log(
      `raw COPY of the same 1M rows, ${label}: ${seconds.toFixed(2)} s, ` +
        `${Math.round(copyRate).toLocaleString("en-US")} rows/s; import / COPY = ${((rate / copyRate) * 100).toFixed(0)}%`,
    );
  }
  console.log(
    `load average (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(", ")}`,
  );
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "--child") await child(rest[0], rest[1], rest[2]);
else if (mode === "--child-lcb") await importChild(rest[0], rest[1], rest[2]);
else if (mode === "--child-pages") await pagesChild(rest[0]);
else if (mode === "--child-json-parse") jsonParseChild(rest[0]);
else if (mode === "--child-stream-json") await streamJsonChild(rest[0]);
else if (mode === "--paper-scale") await withDatabase("paper", paperScale);
else if (mode === "--paper-sweep")
  await withDatabase("paper", (url, dir) => paperSweep(url, dir, Number(rest[0] ?? 41)));
else await withDatabase("import", nativeJsonl);
