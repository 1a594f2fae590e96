/**
 * `npm run bench:serve`: how the production server (`npm start`: Next and a statistics worker on an
 * embedded PostgreSQL) serves a team. Imports EXPERIMENTS × 41 α × 5 000 problems (20.5 M result
 * rows for 100) through the importer in child processes, waits until every version's statistics
 * are stored, then measures, in one run and with the same client:
 *  - the server's own static file and the API's detail and frontier reads (random over all
 *    experiments), 50 concurrent keep-alive clients for SECONDS s each: throughput, p50/p95/p99,
 *    errors, and the web server's CPU time per request (which a busy machine inflates less than wall time);
 *  - the web server's RSS after every experiment's detail, frontier, matrix and pass@k were read;
 *  - /api/health at 10 Hz from one client while one more experiment is imported and its statistics
 *    computed; how long after the import commits its frontier intervals and then every statistic
 *    are ready; the first explorer page and frontier read right after the import against the next
 *    ones (same moment, the worker still computing) and warm ones once it is done;
 *  - a burst: BURST.previews clients asking for link-preview images of views not rendered yet,
 *    BURST.compares for comparisons of random pairs and BURST.ensembles for ensembles on one pinned
 *    scaling snapshot, all at once for SECONDS s, from a child process at niceness 10 (they stand for
 *    other machines), with /api/health at 10 Hz beside it, printed next to /api/health alone just
 *    before (the baseline of the same run), and the CPU time the web server and the clients used.
 * Prints figures next to the issue's targets, with the machine and its load average; not a test.
 * `--experiments N` and `--seconds S` make a quicker run; `--burst-only` measures the burst alone
 * after the imports; `--active-requests 1,6,64` measures it once per admission setting
 * (ALPHASCOPE_ACTIVE_REQUESTS, lib/server/admission.ts), restarting the server on the same database,
 * and `--heavy-reads 1000,2` likewise per bound on heavy reads (ALPHASCOPE_HEAVY_READS),
 * `--refusal-delay 0,1000` per pause before a busy refusal (ALPHASCOPE_BUSY_REFUSAL_DELAY_MS), and
 * `--clients-niceness 0,10` per niceness of the burst's clients, turn by turn beside the other lists.
 */
import { execFileSync, spawn } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { Agent, get, request as httpRequest } from "node:http";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { createPrisma, type Db } from "../lib/db/client";
import { findRunningServer } from "../lib/db/embeddedPostgres";
import { diskFile } from "../lib/import/inputFile";
import { runImport } from "../lib/import/runImport";
import { FRONTIER_KIND } from "../lib/responses/statisticKinds";
import { ALL_KINDS } from "../lib/server/statistics/computeStatistics";
import { cpuMs, listenerPid, rssMb } from "./support/processStats";
import { startApp } from "./support/server";

const ALPHAS = 41;
const PROBLEMS = 5000;
const SAMPLES = 64;
const CLIENTS = 50;
const DIFFICULTIES = ["easy", "medium", "hard"] as const;
/** Concurrent clients of the burst (issue #25: the loads that stalled /api/health). */
const BURST = { previews: 40, compares: 20, ensembles: 17 };
/**
 * The burst's clients' niceness unless `--clients-niceness` says otherwise: they stand for other
 * machines, so they should not take the cores from the server they measure (at 0 on this 2-core
 * machine they used about as much CPU as the web server itself; docs/performance.md, "Bursts").
 */
const BURST_CLIENTS_NICENESS = 10;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

/** A comma-separated list of whole numbers ≥ `least` (`--active-requests 1,6`); empty when the flag is absent. */
function listFlag(name: string, least = 1): number[] {
  const at = process.argv.indexOf(name);
  if (at < 0) return [];
  const values = (process.argv[at + 1] ?? "").split(",").map(Number);
  if (!values.every((value) => Number.isInteger(value) && value >= least))
    throw new Error(`${name} takes whole numbers ≥ ${least}, separated by commas`);
  return values;
}

/** A deterministic 32-bit hash of integers, for per-(experiment, α, problem) noise without state. */
function hash(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const value of values) {
    h ^= value;
    h = Math.imul(h, 0x01000193) >>> 0;
    h ^= h >>> 13;
  }
  return h / 4294967296;
}

/**
 * The JSONL of one experiment: problem p has a hardness, α a skill peaking inside the range, and
 * pass ≈ n × logistic(skill − hardness) with noise; failures split between wrong answers and time
 * limits by α. Each experiment (seed) has its own problems' hardness and peak.
 */
async function writeExperiment(path: string, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const peak = 0.3 + hash(seed, 1) * 0.6;
  for (let a = 0; a < ALPHAS; a++) {
    const alpha = Number((-1 + (3 * a) / (ALPHAS - 1)).toFixed(6));
    const skill = 1.5 - 2 * (alpha - peak) ** 2;
    const lines: string[] = [];
    for (let p = 0; p < PROBLEMS; p++) {
      const difficulty = DIFFICULTIES[p % 3];
      const hardness = (p % 3) * 1.2 - 0.6 + hash(seed, p) * 2 - 1;
      const chance = 1 / (1 + Math.exp(hardness - skill)) + (hash(seed, a, p) - 0.5) * 0.1;
      const pass = Math.max(0, Math.min(SAMPLES, Math.round(SAMPLES * chance)));
      const timeLimit = Math.round((SAMPLES - pass) * Math.min(1, Math.max(0, (alpha + 1) / 3)));
      const wrongAnswer = SAMPLES - pass - timeLimit;
      lines.push(
        `{"alpha":${alpha},"problem":"q${p}","difficulty":"${difficulty}","n":${SAMPLES},"pass":${pass},` +
          `"wrongAnswer":${wrongAnswer},"timeLimit":${timeLimit},"runtimeError":0,"compileError":0,"other":0}\n`,
      );
    }
    out.write(lines.join(""));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

/** Child mode: import one file as the CLI does and print the seconds it took. */
async function importChild(url: string, path: string, slug: string): Promise<void> {
  const db = createPrisma(url);
  const started = performance.now();
  await runImport(db, { experiment: { slug }, entries: [{ input: await diskFile(path) }], source: "cli" });
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000 }));
  await db.$disconnect();
}

function importInChild(url: string, path: string, slug: string): number {
  const output = execFileSync(
    process.execPath,
    ["--import", "tsx", process.argv[1], "--child", url, path, slug],
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  return JSON.parse(output.trim().split("\n").pop() ?? "{}").seconds;
}

/** Starts an import in a child process; resolves when it committed (the child exited 0). */
function importInBackground(url: string, path: string, slug: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", process.argv[1], "--child", url, path, slug], {
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`import exited with ${code}`))));
  });
}

/** Experiments whose current version lacks some statistic. */
async function versionsMissingStatistics(db: Db): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ missing: number }[]>(
    `SELECT count(*)::int AS "missing" FROM "experiments" e
     WHERE (SELECT count(*) FROM "experiment_statistics" s
            WHERE s."experiment_id" = e."id" AND s."version" = e."version") < $1`,
    ALL_KINDS.length,
  );
  return row.missing;
}

/** The kinds stored for the experiment's current version. */
async function storedKinds(db: Db, slug: string): Promise<Set<string>> {
  const rows = await db.$queryRawUnsafe<{ kind: string }[]>(
    `SELECT s."kind" FROM "experiment_statistics" s
     JOIN "experiments" e ON e."id" = s."experiment_id" AND e."version" = s."version" WHERE e."slug" = $1`,
    slug,
  );
  return new Set(rows.map((row) => row.kind));
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One GET on a keep-alive connection: its status and milliseconds, the body read to the end. */
function request(url: string, through: Agent = agent): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    get(url, { agent: through }, (response) => {
      response.resume();
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }),
      );
      response.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    }).on("error", () => resolve({ status: 0, ms: performance.now() - started }));
  });
}

/** One POST of a JSON body: its status and milliseconds, the body read to the end. */
function post(
  url: string,
  body: unknown,
  through: Agent = agent,
): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  const payload = JSON.stringify(body);
  return new Promise((resolve) => {
    const sent = httpRequest(
      url,
      {
        method: "POST",
        agent: through,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            ms: performance.now() - started,
            text: Buffer.concat(chunks).toString("utf8"),
          }),
        );
      },
    );
    sent.on("error", () => resolve({ status: 0, ms: performance.now() - started, text: "" }));
    sent.end(payload);
  });
}

/**
 * The health probe, run in a thread of its own: /api/health at 10 Hz on one keep-alive connection,
 * each check's milliseconds and the database probe's `latencyMs` from its body. On this process's
 * event loop, which also receives the burst's answers (≈ 1.6 GB of comparisons in 20 s), a check
 * would measure this client's loop as much as the server (a load balancer's probe runs elsewhere).
 */
const HEALTH_PROBE = `
const { parentPort, workerData } = require("node:worker_threads");
const { Agent, get } = require("node:http");
const agent = new Agent({ keepAlive: true, maxSockets: 1 });
const checks = [];
let sampling = true;
parentPort.on("message", () => { sampling = false; });
const check = () => new Promise((resolve) => {
  const started = performance.now();
  get(workerData, { agent }, (response) => {
    let text = "";
    response.setEncoding("utf8");
    response.on("data", (chunk) => { text += chunk; });
    response.on("end", () => {
      let database = NaN;
      try { database = JSON.parse(text).database.latencyMs; } catch {}
      resolve({ ms: performance.now() - started, database });
    });
  }).on("error", () => resolve({ ms: performance.now() - started, database: NaN }));
});
(async () => {
  while (sampling) {
    const tick = performance.now();
    checks.push(await check());
    await new Promise((r) => setTimeout(r, Math.max(0, 100 - (performance.now() - tick))));
  }
  agent.destroy();
  parentPort.postMessage(checks);
})();
`;

interface HealthChecks {
  /** Each check's round trip, ms. */
  ms: number[];
  /** The database probe's latency each check reported, ms. */
  database: number[];
}

/** /api/health at 10 Hz from a thread of its own (HEALTH_PROBE) until `done` resolves. */
async function sampleHealth(base: string, done: Promise<unknown>): Promise<HealthChecks> {
  const probe = new Worker(HEALTH_PROBE, { eval: true, workerData: `${base}/api/health` });
  const checks = new Promise<{ ms: number; database: number }[]>((resolve, reject) => {
    probe.once("message", resolve);
    probe.once("error", reject);
  });
  await done.catch(() => {});
  probe.postMessage("stop");
  const all = await checks;
  await probe.terminate();
  return { ms: all.map((c) => c.ms), database: all.map((c) => c.database) };
}

/** Every experiment's detail, frontier, matrix and pass@k read once (the server's caches warm). */
async function readEvery(base: string, slugs: readonly string[]): Promise<void> {
  for (const slug of slugs) {
    for (const path of ["", "/frontier", "/matrix", "/pass-at-k?difficulty=all&bands=1"])
      await request(`${base}/api/experiments/${slug}${path}`);
  }
}

/** Statuses of a burst group's answers, e.g. "200 × 31, 503 × 9". */
function statusCounts(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const status of statuses) counts.set(status, (counts.get(status) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status} × ${count}`)
    .join(", ");
}

/** What each group of the burst's clients was answered: statuses and milliseconds, in order. */
interface BurstAnswers {
  statuses: Record<keyof typeof BURST, number[]>;
  latencies: Record<keyof typeof BURST, number[]>;
  /** The clients' own CPU time while they ran (every thread of their process), ms. */
  cpuMs: number;
}

/**
 * Child mode: the burst's clients (BURST, one keep-alive connection each) for `seconds` s, each
 * asking again as soon as it is answered; prints "started", then the answers as JSON.
 */
async function burstClients(base: string, slugs: string[], seconds: number, snapshot: string): Promise<void> {
  const clients = new Agent({
    keepAlive: true,
    maxSockets: BURST.previews + BURST.compares + BURST.ensembles,
  });
  const answers: BurstAnswers = {
    statuses: { previews: [], compares: [], ensembles: [] },
    latencies: { previews: [], compares: [], ensembles: [] },
    cpuMs: 0,
  };
  const random = () => slugs[Math.floor(Math.random() * slugs.length)];
  const end = performance.now() + seconds * 1000;
  const loop = (group: keyof typeof BURST, ask: () => Promise<{ status: number; ms: number }>) =>
    Array.from({ length: BURST[group] }, async () => {
      while (performance.now() < end) {
        const { status, ms } = await ask();
        answers.statuses[group].push(status);
        answers.latencies[group].push(ms);
      }
    });
  // Evaluated α of the generated sweep (−1 + 0.075·a: a = 0, 20, 40), so every request is valid.
  const members = [
    { alpha: -1, samples: 16 },
    { alpha: 0.5, samples: 16 },
    { alpha: 2, samples: 16 },
  ];
  console.log("started");
  const cpu = process.cpuUsage();
  await Promise.all([
    // A random α per request: a view not rendered yet, as when many new links unfurl at once.
    ...loop("previews", () =>
      request(
        `${base}/api/experiments/${random()}/preview.png?members=${(Math.random() * 3 - 1).toFixed(4)}`,
        clients,
      ),
    ),
    ...loop("compares", () => {
      const [a, b] = [random(), random()];
      return request(
        `${base}/api/compare?experiments=${a},${a === b ? slugs.find((s) => s !== a) : b}`,
        clients,
      );
    }),
    ...loop("ensembles", () => post(`${base}/api/snapshots/${snapshot}/ensembles`, { members }, clients)),
  ]);
  const used = process.cpuUsage(cpu);
  answers.cpuMs = (used.user + used.system) / 1000;
  clients.destroy();
  console.log(JSON.stringify(answers));
}

/**
 * The burst's clients in a child process at `niceness` (via nice(1)): on a real server they are
 * other machines, and on this one at niceness 0 they take the cores' time from the server they
 * measure. Resolves `started` when they begin and `answers` when they are done.
 */
function burstInChild(
  base: string,
  slugs: string[],
  seconds: number,
  snapshot: string,
  niceness: number,
): { started: Promise<void>; answers: Promise<BurstAnswers> } {
  const child = spawn(
    "nice",
    [
      "-n",
      String(niceness),
      process.execPath,
      "--import",
      "tsx",
      process.argv[1],
      "--burst-clients",
      base,
      slugs.join(","),
      String(seconds),
      snapshot,
    ],
    { stdio: ["ignore", "pipe", "inherit"] },
  );
  let output = "";
  let markStarted = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (chunk: string) => {
    output += chunk;
    if (output.startsWith("started\n")) markStarted();
  });
  const answers = new Promise<BurstAnswers>((resolve, reject) =>
    child.on("exit", (code) => {
      markStarted();
      if (code !== 0) reject(new Error(`the burst's clients exited with ${code}`));
      else resolve(JSON.parse(output.trim().split("\n").pop() ?? "{}") as BurstAnswers);
    }),
  );
  return { started, answers };
}

/**
 * The burst of issue #25 for `seconds` s, its clients at `niceness` in a child process, with
 * /api/health sampled beside it; and /api/health alone for as long just before, as the baseline.
 * `server`: the web server's pid, whose CPU time during the burst is printed beside the clients'.
 */
async function burst(
  base: string,
  slugs: string[],
  seconds: number,
  niceness: number,
  server: string | null,
): Promise<void> {
  const pinned = await post(`${base}/api/snapshots`, { experiment: slugs[0], page: "scaling", view: "" });
  if (pinned.status !== 201) throw new Error(`POST /api/snapshots answered ${pinned.status}: ${pinned.text}`);
  const { id } = JSON.parse(pinned.text) as { id: string };
  const quiet = await sampleHealth(base, new Promise((r) => setTimeout(r, seconds * 1000)));
  const clients = burstInChild(base, slugs, seconds, id, niceness);
  await clients.started;
  const serverCpu = cpuMs(server);
  const busy = await sampleHealth(base, clients.answers);
  const { statuses, latencies, cpuMs: clientsCpuMs } = await clients.answers;
  const serverCpuMs = cpuMs(server) - serverCpu;
  const quietFigures = figures(quiet.ms, 0, 1);
  const busyFigures = figures(busy.ms, 0, 1);
  const busyDatabase = figures(busy.database, 0, 1);
  console.log(
    `\nBurst for ${seconds} s: ${BURST.previews} preview, ${BURST.compares} compare and ${BURST.ensembles} pinned-ensemble clients at niceness ${niceness}:`,
  );
  line(
    "/api/health at 10 Hz: alone / during the burst",
    `p99 ${ms(quietFigures.p99)} / ${ms(busyFigures.p99)}`,
    `target p99 ≤ 100 ms (during the burst: p50 ${ms(busyFigures.p50)}, max ${ms(Math.max(...busy.ms))}, ${busy.ms.length} checks)`,
  );
  line(
    "  of which the database probe (latencyMs), during the burst",
    `p50 ${ms(busyDatabase.p50)} p99 ${ms(busyDatabase.p99)}`,
  );
  for (const group of ["previews", "compares", "ensembles"] as const) {
    const f = figures(latencies[group], 0, seconds);
    line(
      `  ${group}: answers`,
      statusCounts(statuses[group]),
      `${f.perSecond.toFixed(1)}/s, p50 ${ms(f.p50)} p99 ${ms(f.p99)}`,
    );
  }
  line(
    "  CPU time during the burst: web server / the clients",
    `${(serverCpuMs / 1000).toFixed(1)} s / ${(clientsCpuMs / 1000).toFixed(1)} s`,
  );
}

interface LoadFigures {
  perSecond: number;
  /** The web server's CPU time per request. */
  cpuMsPerRequest: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
}

function quantile(sorted: number[], q: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function figures(latencies: number[], errors: number, seconds: number, cpu = Number.NaN): LoadFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: latencies.length / seconds,
    cpuMsPerRequest: cpu / (latencies.length + errors),
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    errors,
    requests: latencies.length,
  };
}

/** CLIENTS loops requesting `next()` back to back for `seconds`; `server`: the web server's pid. */
async function load(seconds: number, server: string | null, next: () => string): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const end = performance.now() + seconds * 1000;
  const client = async () => {
    while (performance.now() < end) {
      const { status, ms } = await request(next());
      if (status === 200) latencies.push(ms);
      else errors++;
    }
  };
  const started = performance.now();
  const cpuBefore = cpuMs(server);
  await Promise.all(Array.from({ length: CLIENTS }, client));
  return figures(latencies, errors, (performance.now() - started) / 1000, cpuMs(server) - cpuBefore);
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function line(label: string, value: string, target = ""): void {
  console.log(`${label.padEnd(58)} ${value.padStart(22)}${target ? `   ${target}` : ""}`);
}

function loadLine(label: string, f: LoadFigures, target = ""): void {
  line(
    label,
    `${f.perSecond.toFixed(0)}/s p50 ${ms(f.p50)} p95 ${ms(f.p95)} p99 ${ms(f.p99)} errors ${f.errors}, ` +
      `server CPU ${f.cpuMsPerRequest.toFixed(2)} ms/request`,
    target,
  );
}

/**
 * The server's settings for each turn of `--burst-only`: turn i takes the i-th value of each listed
 * setting (a setting with fewer values keeps its default in the later turns); one turn of defaults
 * when none is listed.
 */
function settingTurns(lists: Record<string, number[]>): Record<string, string>[] {
  const turns = Math.max(1, ...Object.values(lists).map((values) => values.length));
  return Array.from({ length: turns }, (_, turn) =>
    Object.fromEntries(
      Object.entries(lists)
        .filter(([, values]) => values[turn] !== undefined)
        .map(([name, values]) => [name, String(values[turn])]),
    ),
  );
}

async function main(): Promise<void> {
  const experiments = flag("--experiments", 100);
  const seconds = flag("--seconds", 20);
  const dir = mkdtempSync(join(tmpdir(), "alphascope-bench-serve-"));
  console.log(
    `bench:serve ${new Date().toISOString()} · ${cpus().length} × ${cpus()[0]?.model ?? "cpu"} · ` +
      `${(totalmem() / 2 ** 30).toFixed(1)} GB · Node ${process.version}`,
  );
  const clientNiceness = listFlag("--clients-niceness", 0);
  const settings = settingTurns({
    ALPHASCOPE_ACTIVE_REQUESTS: listFlag("--active-requests"),
    ALPHASCOPE_HEAVY_READS: listFlag("--heavy-reads"),
    ALPHASCOPE_BUSY_REFUSAL_DELAY_MS: listFlag("--refusal-delay", 0),
  });
  const appDir = mkdtempSync(join(tmpdir(), "alphascope-bench-app-"));
  let app = await startApp({ timeoutMs: 600_000, dataDir: appDir, env: settings[0] });
  const url = await findRunningServer(app.dataDir, "alphascope");
  if (!url) throw new Error("The app's embedded PostgreSQL is not reachable.");
  const db = createPrisma(url);
  const slugs: string[] = [];
  try {
    const importStarted = performance.now();
    for (let e = 0; e < experiments; e++) {
      const slug = `bench-${String(e).padStart(3, "0")}`;
      const path = join(dir, `${slug}.jsonl`);
      await writeExperiment(path, e);
      const took = importInChild(url, path, slug);
      rmSync(path);
      slugs.push(slug);
      if ((e + 1) % 10 === 0 || e + 1 === experiments)
        console.log(`  imported ${e + 1}/${experiments} (last ${took.toFixed(1)} s)`);
    }
    line(
      `Imported ${experiments} × ${ALPHAS} α × ${PROBLEMS} problems`,
      `${((performance.now() - importStarted) / 1000).toFixed(0)} s`,
    );
    const waitStarted = performance.now();
    while ((await versionsMissingStatistics(db)) > 0) await new Promise((r) => setTimeout(r, 500));
    line(
      "…then waited for every version's statistics",
      `${((performance.now() - waitStarted) / 1000).toFixed(0)} s`,
    );

    const base = app.baseUrl;
    const server = listenerPid(Number(new URL(base).port));
    await readEvery(base, slugs);
    const rss = rssMb(server);
    if (process.argv.includes("--burst-only")) {
      for (let turn = 0; turn < Math.max(settings.length, clientNiceness.length); turn++) {
        const setting = settings[turn] ?? {};
        if (turn > 0) {
          await app.stop();
          app = await startApp({ timeoutMs: 600_000, dataDir: appDir, env: setting });
          await readEvery(app.baseUrl, slugs);
        }
        const described = Object.entries(setting).map(([name, value]) => `${name}=${value}`);
        console.log(`\n${described.join(" ") || "(default settings)"}`);
        await burst(
          app.baseUrl,
          slugs,
          seconds,
          clientNiceness[turn] ?? BURST_CLIENTS_NICENESS,
          listenerPid(Number(new URL(app.baseUrl).port)),
        );
      }
      const [one, five, fifteen] = loadavg();
      console.log(`\nload average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}`);
      return;
    }

    const random = () => slugs[Math.floor(Math.random() * slugs.length)];
    let turn = 0;
    const staticFile = await load(seconds, server, () => `${base}/icon.svg`);
    const api = await load(
      seconds,
      server,
      () => `${base}/api/experiments/${random()}${turn++ % 2 ? "/frontier" : ""}`,
    );
    console.log(`\n${CLIENTS} keep-alive clients, ${seconds} s each:`);
    loadLine("static /icon.svg", staticFile);
    loadLine(
      "detail + frontier, random experiment",
      api,
      `target ≥ ${(0.6 * staticFile.perSecond).toFixed(0)}/s, p95 ≤ ${ms(2 * staticFile.p95)}, 0 errors`,
    );
    line("web server RSS after reading every experiment", `${rss.toFixed(0)} MB`, "target ≤ 1024 MB");

    // The explorer page's code loaded once, so the first view below measures the data, not Next's route loading.
    await request(`${base}/experiments/${slugs[0]}`);
    // One more experiment while a single client checks health at 10 Hz.
    const slug = "bench-live";
    const path = join(dir, `${slug}.jsonl`);
    await writeExperiment(path, experiments);
    let stopSampling = () => {};
    const sampler = sampleHealth(
      base,
      new Promise<void>((resolve) => {
        stopSampling = resolve;
      }),
    );
    await importInBackground(url, path, slug);
    const committed = performance.now();
    const firstPage = (await request(`${base}/experiments/${slug}`)).ms;
    const firstFrontier = (await request(`${base}/api/experiments/${slug}/frontier`)).ms;
    // The same views again at once, while the worker still computes: what a warm view costs under
    // the same load as the first, so that the difference is what being first costs.
    const nextPage: number[] = [];
    const nextFrontier: number[] = [];
    for (let i = 0; i < 5; i++) {
      nextPage.push((await request(`${base}/experiments/${slug}`)).ms);
      nextFrontier.push((await request(`${base}/api/experiments/${slug}/frontier`)).ms);
    }
    while (!(await storedKinds(db, slug)).has(FRONTIER_KIND)) await new Promise((r) => setTimeout(r, 25));
    const intervalsReady = performance.now() - committed;
    while ((await storedKinds(db, slug)).size < ALL_KINDS.length) await new Promise((r) => setTimeout(r, 25));
    const allReady = performance.now() - committed;
    stopSampling();
    const health = await sampler;
    rmSync(path);
    const warmPage: number[] = [];
    const warmFrontier: number[] = [];
    for (let i = 0; i < 5; i++) {
      warmPage.push((await request(`${base}/experiments/${slug}`)).ms);
      warmFrontier.push((await request(`${base}/api/experiments/${slug}/frontier`)).ms);
    }
    const healthFigures = figures(health.ms, 0, 1);
    console.log(`\nWhile one more ${ALPHAS} × ${PROBLEMS} experiment is imported and computed:`);
    line(
      "/api/health at 10 Hz",
      `p50 ${ms(healthFigures.p50)} p99 ${ms(healthFigures.p99)}`,
      "target p99 ≤ 100 ms",
    );
    line(
      "frontier intervals ready after the import commits",
      `${(intervalsReady / 1000).toFixed(2)} s`,
      "target ≤ 5 s",
    );
    line("every statistic ready after the import commits", `${(allReady / 1000).toFixed(2)} s`);
    const median = (values: number[]) =>
      quantile(
        [...values].sort((a, b) => a - b),
        0.5,
      );
    line(
      "explorer page: first after the import / next 5 / warm after",
      `${ms(firstPage)} / ${ms(median(nextPage))} / ${ms(median(warmPage))}`,
      "(medians of 5; the next 5 while the worker computes)",
    );
    line(
      "frontier read: first after the import / next 5 / warm after",
      `${ms(firstFrontier)} / ${ms(median(nextFrontier))} / ${ms(median(warmFrontier))}`,
    );
    await burst(base, slugs, seconds, clientNiceness[0] ?? BURST_CLIENTS_NICENESS, server);
    const [one, five, fifteen] = loadavg();
    console.log(`\nload average ${one.toFixed(2)} ${five.toFixed(2)} ${fifteen.toFixed(2)}`);
  } finally {
    agent.destroy();
    await db.$disconnect();
    const code = await app.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(appDir, { recursive: true, force: true });
    if (code !== 0) console.log(`The launcher exited with code ${code}:\n${app.log()}`);
  }
}

if (process.argv[2] === "--child") await importChild(process.argv[3], process.argv[4], process.argv[5]);
else if (process.argv[2] === "--burst-clients")
  await burstClients(process.argv[3], process.argv[4].split(","), Number(process.argv[5]), process.argv[6]);
else await main();
