/**
 * `npm run bench:import -- --paper-scale`: the paper's workload. Generates seeded lcb_runner
 * `_eval_all.json` files of 1 055 problems into a temporary folder (deleted after): the largest that
 * JSON.parse can hold (200 samples), the paper's (250 samples, 1.5 KB outputs, ≥ 0.5 GB) and one with
 * reasoning-length outputs (≥ 2 GiB). For each it prints side by side: a raw read of the bytes (an fs
 * stream to nowhere), the import's MB/s and peak RSS (its own child process, into an embedded
 * PostgreSQL, totals checked against what the generator wrote); on the first file also JSON.parse
 * (alternating with the import, three times each, best kept: the machine's load moves) and
 * stream-json, in their own processes. Then a sweep of 41 such files imported with the CLI
 * (`alphascope import <directory>`), its peak RSS, how long after its commit the statistics worker
 * has stored every statistic, and the explorer's and scaling page's API reads of that experiment. Not a test: figures and the load average.
 */
import { execFileSync, spawn } from "node:child_process";
import { createReadStream, mkdirSync, readFileSync, rmSync, statfsSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { finished } from "node:stream/promises";
import chain from "stream-chain";
import { parser } from "stream-json";
import { ignore } from "stream-json/filters/ignore.js";
import { streamArray } from "stream-json/streamers/stream-array.js";
import { createPrisma, type Db } from "../../lib/db/client";
import { VERDICTS } from "../../lib/domain/verdicts";
import { diskFile } from "../../lib/import/inputFile";
import type { ImportReport } from "../../lib/import/report";
import { runImport } from "../../lib/import/runImport";
import { ALL_KINDS } from "../../lib/server/statistics/computeStatistics";
import { type LcbEvalAllTotals, writeLcbEvalAll } from "./lcbEvalAll";
import { WORKER_NODE_ARGS } from "./workerCommand";

const PROBLEMS = 1055;
const SWEEP_ALPHAS = 41;
const MB = 1e6;
const GIB = 2 ** 30;
/** Peak RSS every import must stay under (issue #20). */
const RSS_TARGET_MB = 400;
const FILE_NAME = "Scenario.codegeneration_250_0.2_eval_all.json";

interface FileCase {
  label: string;
  samples: number;
  outputChars: number;
  /** Also measure JSON.parse and stream-json on this one (it fits in one JavaScript string). */
  baselines: boolean;
}

const CASES: readonly FileCase[] = [
  { label: "largest JSON.parse holds, 1 055 × 200", samples: 200, outputChars: 1500, baselines: true },
  { label: "paper, 1 055 × 250, 1.5 KB outputs", samples: 250, outputChars: 1500, baselines: false },
  { label: "reasoning, 1 055 × 250, 6.5 KB outputs", samples: 250, outputChars: 6500, baselines: false },
];

const mbps = (bytes: number, seconds: number) => `${(bytes / MB / seconds).toFixed(1)} MB/s`;
const size = (bytes: number) =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(2)} GB`
    : bytes >= MB
      ? `${(bytes / MB).toFixed(0)} MB`
      : `${(bytes / 1e3).toFixed(0)} kB`;

/** Seconds to stream the file's bytes to nowhere. */
async function rawRead(path: string): Promise<number> {
  const start = performance.now();
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  stream.resume();
  await finished(stream);
  return (performance.now() - start) / 1000;
}

function runChild<T>(args: string[], nodeFlags: string[] = [], env = process.env): T {
  const output = execFileSync(process.execPath, [...nodeFlags, "--import", "tsx", process.argv[1], ...args], {
    encoding: "utf8",
    env,
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 64 * MB,
  });
  return JSON.parse(output.trim().split("\n").pop() ?? "{}");
}

/** JSON.parse and the import are each measured this many times on the file JSON.parse can hold. */
const ROUNDS = 3;

interface JsonParseFigures {
  readSeconds: number;
  parseSeconds: number;
  peakRssMb: number;
}

interface ImportFigures {
  seconds: number;
  peakRssMb: number;
  totals: ImportReport["totals"];
}

/** Child: imports one file as α 0 of a new experiment; prints its figures. */
export async function importChild(url: string, path: string, slug: string): Promise<void> {
  const db = createPrisma(url);
  // The client's one-off start (its query compiler, the first connection) is not the import's per-MB
  // cost, as JSON.parse's figure leaves out reading the file.
  await db.$queryRawUnsafe("SELECT 1");
  const start = performance.now();
  const report = await runImport(db, {
    experiment: { slug },
    entries: [{ input: await diskFile(path, FILE_NAME), alpha: 0 }],
    source: "cli",
  });
  const seconds = (performance.now() - start) / 1000;
  await db.$disconnect();
  const figures: ImportFigures = {
    seconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    totals: report.totals,
  };
  console.log(JSON.stringify(figures));
}

/** Child: reads the file into one string, then JSON.parse; prints both times. */
export function jsonParseChild(path: string): void {
  const start = performance.now();
  const text = readFileSync(path, "utf8");
  const read = performance.now();
  const value: unknown = JSON.parse(text);
  const parsed = performance.now();
  if (!Array.isArray(value) || value.length !== PROBLEMS) throw new Error("unexpected document");
  console.log(
    JSON.stringify({
      readSeconds: (read - start) / 1000,
      parseSeconds: (parsed - read) / 1000,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/**
 * Child: stream-json, used as it would be for this import: its tokenizer, the unread keys ignored,
 * each problem assembled; prints the time and the samples seen.
 */
export async function streamJsonChild(path: string): Promise<void> {
  const start = performance.now();
  const pipeline = chain([
    createReadStream(path, { highWaterMark: 1 << 20 }),
    parser(),
    ignore({ filter: /^\d+\.(output_list|code_list|question_content)\b/ }),
    streamArray(),
  ]);
  let samples = 0;
  pipeline.on("data", ({ value }: { value: { graded_list: unknown[] } }) => {
    samples += value.graded_list.length;
  });
  await finished(pipeline);
  console.log(
    JSON.stringify({
      seconds: (performance.now() - start) / 1000,
      samples,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/** The reads of the explorer (detail, frontier) and of the scaling page (matrix, pass@k, claims). */
const PAGE_READS = ["", "/frontier", "/matrix", "/pass-at-k", "/claims"] as const;

interface PageReadFigures {
  path: string;
  status: number;
  bytes: number;
  firstMs: number;
  /** Median of the next five. */
  warmMs: number;
}

/**
 * Child: each page read of the experiment through the server's read functions, in this process (what
 * each route handler calls after its permission check, on the server's database, without HTTP; a
 * script may not import app/): the first, then the median of five more. Prints the figures.
 */
export async function pagesChild(slug: string): Promise<void> {
  const { claimsQuerySchema } = await import("../../lib/contracts/claimSchemas");
  const { passAtKQuerySchema } = await import("../../lib/contracts/scalingSchemas");
  const { frontierQuerySchema } = await import("../../lib/contracts/schemas");
  const { readClaims } = await import("../../lib/server/claims");
  const { serverReadDb } = await import("../../lib/server/db");
  const { passAtKResponse } = await import("../../lib/server/scalingCurves");
  const { readFrontier } = await import("../../lib/server/statistics/frontierRead");
  const { READS, storedResponse } = await import("../../lib/server/statistics/read");
  const { storedReadRoute } = await import("../../lib/server/statistics/storedReadRoute");
  const context = { params: Promise.resolve({ slug }) };
  const stored = (response: Awaited<ReturnType<typeof readFrontier>>) => {
    if (!response) throw new Error(`no experiment ${slug}`);
    return storedResponse(response);
  };
  const routes: Record<(typeof PAGE_READS)[number], (request: Request) => Promise<Response>> = {
    "": (request) => storedReadRoute(READS.detail)(request, context),
    "/frontier": async () =>
      stored(await readFrontier(serverReadDb(), slug, frontierQuerySchema.parse({}), null)),
    "/matrix": (request) => storedReadRoute(READS.matrix)(request, context),
    "/pass-at-k": async () => {
      const query = passAtKQuerySchema.parse({});
      return stored(await passAtKResponse(serverReadDb(), slug, { ...query, bands: query.bands === "1" }));
    },
    "/claims": async () => {
      const response = await readClaims(serverReadDb(), slug, claimsQuerySchema.parse({}), null);
      if (!response) throw new Error(`no experiment ${slug}`);
      return response;
    },
  };
  const figures: PageReadFigures[] = [];
  for (const path of PAGE_READS) {
    const read = async () => {
      const start = performance.now();
      const response = await routes[path](
        new Request(`http://localhost:3000/api/experiments/${slug}${path}`),
      );
      const body = await response.arrayBuffer();
      return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
    };
    const first = await read();
    const next: number[] = [];
    for (let i = 0; i < 5; i++) next.push((await read()).ms);
    next.sort((a, b) => a - b);
    figures.push({ path, status: first.status, bytes: first.bytes, firstMs: first.ms, warmMs: next[2] });
  }
  console.log(JSON.stringify(figures));
  process.exit(0);
}

/** Throws unless the import reported exactly what the generator wrote. */
function checkTotals(label: string, reported: ImportReport["totals"], expected: LcbEvalAllTotals[]): void {
  const samples = expected.reduce((sum, file) => sum + file.samples, 0);
  const wrong: string[] = [];
  if (reported.problems !== PROBLEMS) wrong.push(`problems ${reported.problems} ≠ ${PROBLEMS}`);
  if (reported.samples !== samples) wrong.push(`samples ${reported.samples} ≠ ${samples}`);
  for (const verdict of VERDICTS) {
    const count = expected.reduce((sum, file) => sum + file.verdicts[verdict], 0);
    if (reported.verdicts[verdict] !== count)
      wrong.push(`${verdict} ${reported.verdicts[verdict]} ≠ ${count}`);
  }
  if (wrong.length > 0)
    throw new Error(`${label}: the import's totals differ from the file's: ${wrong.join(", ")}`);
}

/** Free bytes of the file system holding `dir`. */
function freeBytes(dir: string): number {
  const stats = statfsSync(dir);
  return stats.bavail * stats.bsize;
}

/** Every statistic of the experiment's current version is stored. */
async function statisticsStored(db: Db, slug: string): Promise<boolean> {
  const [row] = await db.$queryRawUnsafe<{ kinds: number }[]>(
    `SELECT count(*)::int AS "kinds" FROM "experiment_statistics" s
     JOIN "experiments" e ON e."id" = s."experiment_id" AND e."version" = s."version" WHERE e."slug" = $1`,
    slug,
  );
  return row.kinds >= ALL_KINDS.length;
}

/**
 * The sweep: `count` per-α folders of paper-sized files imported by the CLI in one run, timed with
 * /usr/bin/time (wall time and peak RSS); a statistics worker runs beside it, and the time from the
 * CLI's exit (the commit) until every statistic is stored is measured too.
 */
export async function paperSweep(url: string, dir: string, count: number): Promise<void> {
  const root = join(dir, "sweep");
  const totals: LcbEvalAllTotals[] = [];
  const generated = performance.now();
  for (let a = 0; a < count; a++) {
    const alpha = -1 + a * 0.05;
    const folder = join(root, `alpha_${alpha.toFixed(2)}`);
    mkdirSync(folder, { recursive: true });
    totals.push(
      writeLcbEvalAll(join(folder, FILE_NAME), {
        problems: PROBLEMS,
        samples: 250,
        outputChars: 1500,
        seed: 100 + a,
      }),
    );
  }
  const bytes = totals.reduce((sum, file) => sum + file.bytes, 0);
  console.log(
    `\nsweep: ${count} α × ${PROBLEMS} × 250, ${size(bytes)} generated in ${((performance.now() - generated) / 1000).toFixed(0)} s`,
  );
  const env = { ...process.env, DATABASE_URL: url };
  const worker = spawn(process.execPath, [...WORKER_NODE_ARGS], { env, stdio: "ignore" });
  const timing = join(dir, "time.txt");
  const db = createPrisma(url);
  try {
    const output = execFileSync(
      "/usr/bin/time",
      [
        "-f",
        "%e %M",
        "-o",
        timing,
        process.execPath,
        "scripts/alphascope.mjs",
        "import",
        root,
        "--experiment",
        "paper-sweep",
        "--json",
      ],
      { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * MB },
    );
    const committed = performance.now();
    const report = JSON.parse(output) as ImportReport;
    checkTotals("sweep", report.totals, totals);
    const [seconds, peakKb] = readFileSync(timing, "utf8").trim().split(/\s+/).map(Number);
    while (!(await statisticsStored(db, "paper-sweep")))
      await new Promise((resolve) => setTimeout(resolve, 100));
    const ready = (performance.now() - committed) / 1000;
    console.log(
      `  CLI import of the directory: ${seconds.toFixed(1)} s (${mbps(bytes, seconds)}), peak RSS ${(peakKb / 1024).toFixed(0)} MB, totals exact (${report.totals.samples.toLocaleString("en-US")} samples)`,
    );
    console.log(
      `  every statistic (${ALL_KINDS.length} kinds) stored ${ready.toFixed(1)} s after the import's commit (target ≤ 10 s)`,
    );
    const reads = runChild<PageReadFigures[]>(["--child-pages", "paper-sweep"], [], env);
    for (const read of reads)
      console.log(
        `  GET /api/experiments/paper-sweep${read.path}: ${read.status}, ${size(read.bytes)}, first ${read.firstMs.toFixed(1)} ms, then median of 5 ${read.warmMs.toFixed(1)} ms`,
      );
  } finally {
    worker.kill("SIGTERM");
    await db.$disconnect();
    rmSync(root, { recursive: true, force: true });
  }
}

export async function paperScale(url: string, dir: string): Promise<void> {
  console.log(`paper-scale LiveCodeBench _eval_all.json, ${PROBLEMS} problems; temporary folder ${dir}`);
  let failed = false;
  let jsonParseRate = 0;
  for (const [i, file] of CASES.entries()) {
    const path = join(dir, `${i}-${FILE_NAME}`);
    const started = performance.now();
    const totals = writeLcbEvalAll(path, {
      problems: PROBLEMS,
      samples: file.samples,
      outputChars: file.outputChars,
      seed: i + 1,
    });
    console.log(
      `\n${file.label}: ${size(totals.bytes)}${totals.bytes >= 2 * GIB ? " (≥ 2 GiB)" : ""}, generated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const read = await rawRead(path);
    console.log(`  raw read (fs stream to nowhere):  ${mbps(totals.bytes, read)}`);
    const imports: ImportFigures[] = [];
    const importOnce = () => {
      const figures = runChild<ImportFigures>(["--child-lcb", url, path, `paper-${i}-${imports.length}`]);
      checkTotals(file.label, figures.totals, [totals]);
      imports.push(figures);
    };
    if (file.baselines) {
      // JSON.parse and the import alternate, ROUNDS times each: on a shared machine the load moves.
      const parses: JsonParseFigures[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        parses.push(runChild<JsonParseFigures>(["--child-json-parse", path], ["--max-old-space-size=8192"]));
        importOnce();
      }
      const best = parses.reduce((a, b) => (a.parseSeconds <= b.parseSeconds ? a : b));
      jsonParseRate = totals.bytes / best.parseSeconds;
      console.log(
        `  JSON.parse of the text:          best ${mbps(totals.bytes, best.parseSeconds)} of ${ROUNDS} (${parses.map((p) => (totals.bytes / MB / p.parseSeconds).toFixed(1)).join(", ")}); read + decode + parse ${mbps(totals.bytes, best.readSeconds + best.parseSeconds)}; peak RSS ${best.peakRssMb.toFixed(0)} MB`,
      );
      const streamJson = runChild<{ seconds: number; samples: number; peakRssMb: number }>([
        "--child-stream-json",
        path,
      ]);
      if (streamJson.samples !== totals.samples)
        throw new Error("stream-json saw a different number of samples");
      console.log(
        `  stream-json (tokenizer, unread keys ignored, problems assembled): ${mbps(totals.bytes, streamJson.seconds)}, peak RSS ${streamJson.peakRssMb.toFixed(0)} MB`,
      );
    } else importOnce();
    const fastest = imports.reduce((a, b) => (a.seconds <= b.seconds ? a : b));
    const peakRssMb = Math.max(...imports.map((figures) => figures.peakRssMb));
    const rssMet = peakRssMb <= RSS_TARGET_MB;
    const speedMet = totals.bytes / fastest.seconds >= jsonParseRate;
    failed ||= !rssMet || !speedMet;
    const runs =
      imports.length > 1
        ? ` best of ${imports.length} (${imports.map((f) => (totals.bytes / MB / f.seconds).toFixed(1)).join(", ")})`
        : "";
    console.log(
      `  import (read, prune, parse, write): ${mbps(totals.bytes, fastest.seconds)}${runs}, ${fastest.seconds.toFixed(1)} s; peak RSS ${peakRssMb.toFixed(0)} MB (target ≤ ${RSS_TARGET_MB}: ${rssMet ? "met" : "NOT met"}); totals exact`,
    );
    console.log(
      `  import / JSON.parse (best): ${(totals.bytes / fastest.seconds / jsonParseRate).toFixed(2)}× (target ≥ 1: ${speedMet ? "met" : "NOT met"})`,
    );
    rmSync(path);
  }
  const sweepBytes = SWEEP_ALPHAS * 0.62e9;
  const free = freeBytes(dir);
  if (free > sweepBytes * 1.5) await paperSweep(url, dir, SWEEP_ALPHAS);
  else {
    const count = Math.max(2, Math.floor(free / 1.5 / 0.62e9));
    console.log(`\nonly ${size(free)} free: a sweep of ${count} α instead of ${SWEEP_ALPHAS}`);
    await paperSweep(url, dir, count);
  }
  console.log(
    `\nload average (1, 5, 15 min): ${loadavg()
      .map((load) => load.toFixed(2))
      .join(", ")}`,
  );
  if (failed) process.exitCode = 1;
}
