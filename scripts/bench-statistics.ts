/**
 * `npm run bench:statistics [-- --alphas 41]`: how long after an import's commit the statistics job
 * has stored every statistic of a paper-sized sweep (issue #20: ≤ 10 s for 41 α × 1 055 problems ×
 * 250 samples), without the 25 GB of lcb_runner files: the statistics read only per-problem verdict
 * counts, so a seeded sweep of that shape (syntheticMatrix: a difficulty mix, each problem easiest
 * at its own α, failures moving from time limits to wrong answers along α) is written as a native
 * JSONL file of counts (about 6 MB) and imported through the import pipeline into an embedded
 * PostgreSQL, with the statistics worker (scripts/worker.ts) already running beside it, as in
 * production. Prints the time from the import's commit to every statistic stored, the worker's own
 * per-kind times, and as the baseline in the same run the frontier's stratified bootstrap alone (the
 * least any job with intervals must compute) and each kind computed in this process without the
 * database. Then the explorer's and scaling page's reads of the sweep (bench-import's `--child-pages`).
 * Not a test: figures and the load average.
 */
import { execFileSync, spawn } from "node:child_process";
import { chmodSync, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { finished } from "node:stream/promises";
import { createPrisma, type Db } from "../lib/db/client";
import { startEmbeddedServer } from "../lib/db/embeddedPostgres";
import { applyMigrations } from "../lib/db/migrate";
import { loadSweepMatrix } from "../lib/db/queries/sweep";
import type { SweepMatrix } from "../lib/domain/sweep";
import { VERDICTS } from "../lib/domain/verdicts";
import { diskFile } from "../lib/import/inputFile";
import { runImport } from "../lib/import/runImport";
import { INTERVAL_KINDS } from "../lib/responses/statisticKinds";
import { statisticBody } from "../lib/responses/statisticPayloads";
import { difficultyStrata } from "../lib/responses/stratifiedBootstrap";
import { bootstrapFrontierStrata, DEFAULT_BOOTSTRAP } from "../lib/science/bootstrap";
import { syntheticMatrix } from "../lib/science/syntheticMatrix";
import { ALL_KINDS } from "../lib/server/statistics/computeStatistics";
import { freePort } from "./support/freePort";
import { WORKER_NODE_ARGS } from "./support/workerCommand";

const PROBLEMS = 1055;
const SAMPLES = 250;
const SEED = 20;
const SLUG = "statistics-sweep";
const TARGET_SECONDS = 10;

const flag = process.argv.indexOf("--alphas");
const alphaCount = flag >= 0 ? Number(process.argv[flag + 1]) : 41;
if (!Number.isInteger(alphaCount) || alphaCount < 2) throw new Error("--alphas must be a whole number ≥ 2");

const load = () =>
  loadavg()
    .map((value) => value.toFixed(2))
    .join(" ");
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The sweep as native JSONL count lines, one per (α, problem). */
async function writeCounts(path: string, matrix: SweepMatrix): Promise<void> {
  const out = createWriteStream(path);
  for (const cp of matrix.checkpoints) {
    const lines: string[] = [];
    matrix.problems.forEach((problem, p) => {
      const line: Record<string, string | number> = {
        alpha: cp.alpha,
        problem: problem.externalId,
        difficulty: problem.difficulty,
        n: cp.n[p],
      };
      for (const verdict of VERDICTS) line[verdict] = cp.verdicts[verdict][p];
      if (cp.runtimeCount[p] > 0) line.runtimeMeanMs = Math.round(cp.runtimeMeanMs[p] * 10) / 10;
      lines.push(`${JSON.stringify(line)}\n`);
    });
    if (!out.write(lines.join(""))) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
  }
  out.end();
  await finished(out);
}

/** How many of the current version's kinds are stored. */
async function storedKinds(db: Db): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ kinds: number }[]>(
    `SELECT count(*)::int AS "kinds" FROM "experiment_statistics" s
     JOIN "experiments" e ON e."id" = s."experiment_id" AND e."version" = s."version" WHERE e."slug" = $1`,
    SLUG,
  );
  return row.kinds;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "alphascope-bench-statistics-"));
  chmodSync(dir, 0o755);
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-bench-pg-"));
  const server = await startEmbeddedServer({ dataDir, port: await freePort(), database: "alphascope" });
  const env = { ...process.env, DATABASE_URL: server.url };
  let worker: ReturnType<typeof spawn> | null = null;
  const db = createPrisma(server.url);
  try {
    await applyMigrations(server.url);
    const alphas = Array.from(
      { length: alphaCount },
      (_, a) => Math.round((-1 + (2 * a) / (alphaCount - 1)) * 1e6) / 1e6,
    );
    const matrix = syntheticMatrix({ alphas, problems: PROBLEMS, samples: SAMPLES, seed: SEED });
    const path = join(dir, "counts.jsonl");
    await writeCounts(path, matrix);
    console.log(
      `statistics of ${alphaCount} α × ${PROBLEMS} problems × n = ${SAMPLES} (seed ${SEED}), ${new Date().toISOString()}, load ${load()}`,
    );

    const logLines: string[] = [];
    worker = spawn(process.execPath, [...WORKER_NODE_ARGS], {
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    worker.stdout
      ?.setEncoding("utf8")
      .on("data", (chunk: string) => logLines.push(...chunk.split("\n").filter(Boolean)));
    // The worker is listening for jobs (its start-up is not the job's cost) once it says so; the
    // import then enqueues the job as it commits.
    const started = performance.now();
    while (!logLines.some((line) => line.includes("Computing statistics"))) {
      if (performance.now() - started > 120_000) throw new Error("the worker did not start in 2 min");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const importStart = performance.now();
    const report = await runImport(db, {
      experiment: { slug: SLUG },
      entries: [{ input: await diskFile(path) }],
      source: "cli",
    });
    const committed = performance.now();
    if (report.totals.samples !== alphaCount * PROBLEMS * SAMPLES)
      throw new Error("the import's totals are wrong");
    console.log(`  import of the counts (${report.totals.rows} rows): ${seconds(committed - importStart)}`);
    for (let stored = await storedKinds(db); stored < ALL_KINDS.length; stored = await storedKinds(db)) {
      if (performance.now() - committed > 600_000)
        throw new Error(`only ${stored} of ${ALL_KINDS.length} kinds after 10 min`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const ready = performance.now() - committed;
    console.log(
      `  every statistic (${ALL_KINDS.length} kinds) stored ${seconds(ready)} after the import's commit (target ≤ ${TARGET_SECONDS} s: ${ready <= TARGET_SECONDS * 1000 ? "met" : "not met"}), load ${load()}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (const line of logLines.filter((text) => text.includes("Computed"))) console.log(`  ${line}`);

    const reads = execFileSync(
      process.execPath,
      ["--import", "tsx", "scripts/bench-import.ts", "--child-pages", SLUG],
      { encoding: "utf8", env, stdio: ["ignore", "pipe", "inherit"] },
    );
    const pages: { path: string; status: number; bytes: number; firstMs: number; warmMs: number }[] =
      JSON.parse(reads.trim().split("\n").pop() ?? "[]");
    for (const read of pages)
      console.log(
        `  GET /api/experiments/${SLUG}${read.path}: ${read.status}, ${(read.bytes / 1e3).toFixed(0)} kB, first ${read.firstMs.toFixed(1)} ms, then median of 5 ${read.warmMs.toFixed(1)} ms`,
      );

    worker.kill("SIGTERM");
    worker = null;
    const sweep = await loadSweepMatrix(db, SLUG);
    if (!sweep) throw new Error(`no experiment ${SLUG}`);
    console.log(`baseline, in this process (no database), load ${load()}:`);
    const bootstrapStart = performance.now();
    bootstrapFrontierStrata(sweep.matrix, difficultyStrata(sweep.matrix), DEFAULT_BOOTSTRAP);
    console.log(
      `  the frontier's stratified bootstrap alone: ${seconds(performance.now() - bootstrapStart)}`,
    );
    let total = 0;
    for (const kind of INTERVAL_KINDS) {
      const start = performance.now();
      statisticBody(kind, "bench", sweep);
      const ms = performance.now() - start;
      total += ms;
      console.log(`  ${kind.padEnd(26)} ${seconds(ms)}`);
    }
    console.log(`  every interval kind one after another: ${seconds(total)}, load ${load()}`);
  } finally {
    worker?.kill("SIGTERM");
    await db.$disconnect();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
