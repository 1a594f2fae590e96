/**
 * `npm run bench:list`: the home page with 10 000 experiments (issue #24, item 5), on the production
 * server (`npm start`: Next and a statistics worker) over a fresh embedded PostgreSQL. Seeds, then
 * measures in one run:
 *  - the home page's first HTML: bytes of the document GET / answers (target ≤ 150 KB);
 *  - the list API under CLIENTS concurrent keep-alive clients for SECONDS s, each request a random
 *    mix of search, filters, sort, order and page (cursors collected beforehand): p50/p95/p99
 *    (target p95 ≤ 50 ms), beside the server's static /icon.svg under the same clients, the baseline;
 *  - typing in the search box, in headless Chromium: per keystroke, from the key event to the end of
 *    the frame that shows the new rows (the page range the API gives for that search), p50/p95/max
 *    (target p95 ≤ 100 ms), split into key → request sent, the request, response → DOM commit and
 *    commit → painted. Each key waits for the rows of the one before (a reader watching the list);
 *    the page's own request is the first for its search (the bench learns the count with limit=1).
 *    `--trace`: one more pass, traced, gives the renderer main thread's time per phase and per trace
 *    event; `--profile <file>`: one more, under Chromium's CPU profiler (written there), its busiest
 *    functions.
 * `--before <checkout>`: a second build (another checkout, built) serves the same database; the list
 * loads alternate between the two and the typing rounds too, so both figures share the run's load.
 * Seeding (minutes, not hours): TEMPLATES small seeded sweeps are imported and their statistics
 * computed as the worker does; the other experiments are copies of them made in batches in SQL,
 * each with its own slug, name, version and update time and the stored statistic bodies of its
 * template with its own slug, name and version written in — the list reads those bodies only, so
 * its rows, thumbnails and filters are as real ones would be (the copies have no result rows).
 * `--experiments N` and `--seconds S` make a quicker run. Prints figures beside the targets; not a test.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createPrisma, type Db } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { generateDemoSweep } from "../lib/demo/generate";
import { alphaGrid } from "../lib/demo/options";
import { SETTINGS } from "../lib/domain/setting";
import { writeSweep } from "../lib/import/writeSweep";
import { createRng } from "../lib/science/random";
import { computeStatistics } from "../lib/server/statistics/computeStatistics";
import { EXPERIMENT_PAGE_SIZE, pageRangeText } from "../lib/views/experimentListView";
import { type ChromiumSession, launchChromium } from "./support/chromium";
import { type CpuProfile, selfTimes } from "./support/cpuProfile";
import { freePort } from "./support/freePort";
import { cpuMs, listenerPid } from "./support/processStats";
import { type RunningApp, startApp } from "./support/server";
import { type TraceEvent, timePerEvent, timePerPhase } from "./support/traceEvents";

const TEMPLATES = 24;
const BATCH = 1000;
const CLIENTS = 20;
const BENCHMARKS = [
  "livecodebench-v5",
  "livecodebench-v6",
  "humaneval-plus",
  "mbpp-plus",
  "apps",
  "codecontests",
];
const FAMILIES = ["qwen3", "llama-4", "deepseek-coder", "mistral"];
const SCALES = ["1.5B", "7B", "14B", "32B", "70B"];
const SORTS = ["updated", "name", "benchmark", "setting", "scale", "family"] as const;
/** How many searches are typed in the browser, each an experiment's number (so each matches). */
const TYPED_SEARCHES = 10;

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} takes a whole number ≥ 1`);
  return value;
}

const templateSlug = (i: number) => `bench-list-template-${String(i).padStart(2, "0")}`;
const templateName = (i: number) => `Bench list template ${String(i).padStart(2, "0")}`;

/** Imports template `i` (its own benchmark's problems) and stores its statistics, as the worker would. */
async function storeTemplate(db: Db, i: number): Promise<void> {
  const sweep = generateDemoSweep({
    seed: 1000 + i,
    problems: { easy: 8, medium: 8, hard: 8 },
    alphas: alphaGrid(-1, 2, 5 + (i % 5)),
    samples: 8,
  });
  const benchmark = BENCHMARKS[i % BENCHMARKS.length];
  sweep.experiment = {
    ...sweep.experiment,
    slug: templateSlug(i),
    name: templateName(i),
    description: "",
    // Its own problem set: template i's problems are its own, whatever the others' difficulties.
    benchmark: `${benchmark}-t${i}`,
    setting: SETTINGS[i % SETTINGS.length],
    modelFamily: FAMILIES[i % FAMILIES.length],
    modelScale: SCALES[i % SCALES.length],
    synthetic: i % 4 === 0,
    study: null,
  };
  await writeSweep(db, sweep, {
    source: "cli",
    file: `${sweep.experiment.slug} (bench:list)`,
    format: "bench",
    contentHash: sweep.experiment.slug,
    notes: [],
  });
  const [row] = await db.$queryRawUnsafe<{ id: number; version: string }[]>(
    `SELECT "id", "version" FROM "experiments" WHERE "slug" = $1`,
    sweep.experiment.slug,
  );
  await computeStatistics(db, { experimentId: row.id, version: row.version });
}

/**
 * Copies of the templates, experiments `from`…`to − 1`: the rows in one INSERT, then every stored
 * body of their template with the copy's slug, name and version in place of the template's.
 */
async function storeCopies(db: Db, from: number, to: number): Promise<void> {
  const indices = Array.from({ length: to - from }, (_, k) => from + k);
  const slugs = indices.map((n) => `exp-${String(n).padStart(5, "0")}`);
  const names = indices.map((n) => `Sweep ${String(n).padStart(5, "0")}`);
  const templates = indices.map((n) => templateSlug(n % TEMPLATES));
  // One experiment updated per minute, newest first: the default sort has a real order.
  const updated = indices.map((n) => new Date(Date.UTC(2026, 11, 1) - n * 60_000).toISOString());
  await db.$executeRawUnsafe(
    `INSERT INTO "experiments" ("slug", "name", "description", "benchmark", "setting", "model_family",
       "model_scale", "synthetic", "endpoint_a_label", "endpoint_a_model", "endpoint_b_label",
       "endpoint_b_model", "updated_at", "cluster_by")
     SELECT c."slug", c."name", t."description", t."benchmark", t."setting", t."model_family", t."model_scale",
       t."synthetic", t."endpoint_a_label", t."endpoint_a_model", t."endpoint_b_label", t."endpoint_b_model",
       c."updated"::timestamptz, t."cluster_by"
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS c("slug", "name", "template", "updated")
     JOIN "experiments" t ON t."slug" = c."template"`,
    slugs,
    names,
    templates,
    updated,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "experiment_statistics" ("experiment_id", "version", "kind", "http_status", "payload")
     SELECT e."id", e."version", s."kind", s."http_status",
       replace(replace(replace(s."payload", t."slug", e."slug"), t."name", e."name"), t."version", e."version")
     FROM unnest($1::text[], $2::text[]) AS c("slug", "template")
     JOIN "experiments" e ON e."slug" = c."slug"
     JOIN "experiments" t ON t."slug" = c."template"
     JOIN "experiment_statistics" s ON s."experiment_id" = t."id" AND s."version" = t."version"`,
    slugs,
    templates,
  );
}

async function seed(db: Db, experiments: number): Promise<void> {
  const started = performance.now();
  for (let i = 0; i < TEMPLATES; i++) await storeTemplate(db, i);
  const templatesDone = performance.now();
  for (let from = TEMPLATES; from < experiments; from += BATCH)
    await storeCopies(db, from, Math.min(experiments, from + BATCH));
  // Vacuumed and analyzed, as on a server that has been running: autovacuum would otherwise do it
  // about a minute after the seeding, in the middle of the measurements, the first of them planned
  // without statistics of the copies and later ones beside a vacuum of 440 MB of stored statistics
  // (docs/performance.md, "Measured on a vacuumed database").
  const vacuumStarted = performance.now();
  await db.$executeRawUnsafe(`VACUUM (ANALYZE) "experiments", "experiment_statistics"`);
  const vacuumed = performance.now() - vacuumStarted;
  line(
    `Seeded ${experiments} experiments`,
    `${((performance.now() - started) / 1000).toFixed(1)} s`,
    `${TEMPLATES} imported with statistics in ${((templatesDone - started) / 1000).toFixed(1)} s, the rest copied; vacuumed in ${(vacuumed / 1000).toFixed(1)} s`,
  );
}

const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });

/** One GET on a keep-alive connection: status, milliseconds and the body. */
function request(url: string): Promise<{ status: number; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    get(url, { agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          ms: performance.now() - started,
          body: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      response.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
    }).on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
  });
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

function line(label: string, value: string, note = ""): void {
  console.log(`${label.padEnd(52)} ${value.padStart(34)}${note ? `   ${note}` : ""}`);
}

interface LoadFigures {
  sorted: number[];
  errors: number;
  /** The web server's CPU time per request: what a loaded machine inflates least. */
  cpuPerRequest: number;
}

/** Loads of one server added up: every latency, and the CPU per request over all of them. */
function merged(loads: readonly LoadFigures[]): LoadFigures {
  const requests = loads.map((figures) => figures.sorted.length + figures.errors);
  const cpu = loads.reduce((sum, figures, i) => sum + figures.cpuPerRequest * requests[i], 0);
  return {
    sorted: loads.flatMap((figures) => figures.sorted).sort((a, b) => a - b),
    errors: loads.reduce((sum, figures) => sum + figures.errors, 0),
    cpuPerRequest:
      cpu /
      Math.max(
        1,
        requests.reduce((sum, n) => sum + n, 0),
      ),
  };
}

/** CLIENTS loops asking `next()` back to back for `seconds` s; `server`: the web server's pid. */
async function load(seconds: number, server: string | null, next: () => string): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  const cpuBefore = cpuMs(server);
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const { status, ms: took } = await request(next());
        if (status === 200) latencies.push(took);
        else errors++;
      }
    }),
  );
  const cpuPerRequest = (cpuMs(server) - cpuBefore) / (latencies.length + errors);
  return { sorted: latencies.sort((a, b) => a - b), errors, cpuPerRequest };
}

function loadLine(label: string, seconds: number, figures: LoadFigures, note = "") {
  const { sorted, errors, cpuPerRequest } = figures;
  line(
    label,
    `${(sorted.length / seconds).toFixed(0)}/s p50 ${ms(quantile(sorted, 0.5))} p95 ${ms(quantile(sorted, 0.95))} p99 ${ms(quantile(sorted, 0.99))}`,
    `server CPU ${cpuPerRequest.toFixed(2)} ms/request, ${errors} errors${note ? `; ${note}` : ""}`,
  );
}

/** The list API's queries of the mix: a search, a filter or neither, any sort and order, first pages. */
function listQueries(random: () => number): URLSearchParams[] {
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  return Array.from({ length: 400 }, () => {
    const params = new URLSearchParams({ limit: String(EXPERIMENT_PAGE_SIZE), sort: pick(SORTS) });
    if (random() < 0.5) params.set("order", pick(["asc", "desc"]));
    const filter = random();
    if (filter < 0.2) params.set("q", String(Math.floor(random() * 1000)));
    else if (filter < 0.35)
      params.set("benchmark", `${pick(BENCHMARKS)}-t${Math.floor(random() * TEMPLATES)}`);
    else if (filter < 0.5) params.set("setting", pick(SETTINGS));
    else if (filter < 0.6) params.set("family", pick(FAMILIES));
    else if (filter < 0.7) params.set("scale", pick(SCALES));
    else if (filter < 0.75) params.set("synthetic", pick(["true", "false"]));
    return params;
  });
}

/** The mix's URLs: every query's first page and, following nextCursor, up to three more pages. */
async function listUrls(base: string, random: () => number): Promise<string[]> {
  const urls: string[] = [];
  for (const params of listQueries(random)) {
    let url = `${base}/api/experiments?${params}`;
    const pages = 1 + Math.floor(random() * 4);
    for (let page = 0; page < pages; page++) {
      urls.push(url);
      const answer = await request(url);
      if (answer.status !== 200)
        throw new Error(`${url} answered ${answer.status}: ${answer.body.slice(0, 200)}`);
      const { nextCursor } = JSON.parse(answer.body) as { nextCursor: string | null };
      if (nextCursor === null) break;
      params.set("cursor", nextCursor);
      url = `${base}/api/experiments?${params}`;
    }
  }
  return urls;
}

/** One keystroke, in ms from its key event: request sent and answered, rows committed, then painted. */
interface Keystroke {
  /** When the page asked GET /api/experiments for the new search and had its answer; null when no request was made (an answer cached by the browser). */
  sent: number | null;
  answered: number | null;
  /** The server's own time reading and encoding that answer (its Server-Timing `read`). */
  server: number | null;
  /** The DOM commit that shows the new rows. */
  committed: number;
  /** The end of the first frame after that commit: the rows are on screen. */
  painted: number;
  /** Other requests the page made between the key and the paint (e.g. link prefetches). */
  others: number;
}

/** The phases of a keystroke, each from the end of the one before (null: not seen on that key); the server line is part of the request. */
const KEYSTROKE_PHASES: [string, (k: Keystroke) => number | null][] = [
  ["    key → request sent (input, render, URL, wait)", (k) => k.sent],
  [
    "    request → response read (API, network)",
    (k) => (k.sent === null || k.answered === null ? null : k.answered - k.sent),
  ],
  ["      of which the server reading and encoding it", (k) => k.server],
  [
    "    response → rows committed (JSON, React render)",
    (k) => (k.answered === null ? null : k.committed - k.answered),
  ],
  ["    rows committed → painted (style, layout, paint)", (k) => k.painted - k.committed],
];

/** Page-side bookkeeping the keystrokes are read from (installed once the page is hydrated). */
interface TypingState {
  keyAt: number;
  /** The page range the next keystroke's rows show, and the promise of the frame that shows them. */
  expected: string;
  shown: Promise<void>;
  committedAt: number;
  paintedAt: number;
  requests: { url: string; sent: number; answered: number; server: number | null }[];
  others: number[];
}

/** A Chromium page on the home page, hydrated, with the bookkeeping of {@link TypingState}. */
async function openTypingPage(base: string): Promise<ChromiumSession> {
  const browser = await launchChromium();
  const { page } = browser;
  await page.goto(`${base}/`);
  const search = page.getByTestId("list-search");
  await search.waitFor();
  // Hydrated once typing reaches React: the box's value then shows in the address.
  await search.fill("0");
  await page.waitForURL(/q=0/);
  await search.fill("");
  await page.waitForURL((url) => !url.searchParams.has("q"));
  await page.evaluate(() => {
    const state = window as unknown as TypingState & { done: () => void };
    state.requests = [];
    state.others = [];
    state.expected = "";
    const range = document.querySelector('[data-testid="page-range"]');
    if (!range) throw new Error("no page range");
    window.addEventListener(
      "keydown",
      (event) => {
        state.keyAt = event.timeStamp;
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[])
        if (entry.name.includes("/api/experiments?"))
          state.requests.push({
            url: entry.name,
            sent: entry.startTime,
            answered: entry.responseEnd,
            server: entry.serverTiming.find((timing) => timing.name === "read")?.duration ?? null,
          });
        else state.others.push(entry.startTime);
    }).observe({ type: "resource" });
    // No polling (a requestAnimationFrame poll would make the renderer draw every frame while
    // the reader waits): the commit that shows the expected range is seen by a MutationObserver,
    // and the frame after it ends with a task posted from its requestAnimationFrame.
    new MutationObserver(() => {
      if (state.expected === "" || range.textContent !== state.expected) return;
      state.expected = "";
      state.committedAt = performance.now();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          state.paintedAt = performance.now();
          state.done();
        };
        channel.port2.postMessage(null);
      });
    }).observe(range, { subtree: true, childList: true, characterData: true });
  });
  return browser;
}

/**
 * Each typed search, a key at a time, on a page from {@link openTypingPage}: per keystroke, from the
 * key event to the frame that shows the API's rows for the new search (the commit that shows
 * them, then the end of the next frame: style, layout and paint are done by then). Each key waits
 * for the rows of the one before (a reader watching the list). A keystroke that leaves the rows as
 * they were (every experiment still matches) commits nothing and is not counted. With `trace`, the
 * renderer's main thread is traced meanwhile (time per phase).
 */
async function typeSearches(
  { page }: ChromiumSession,
  base: string,
  typed: readonly string[],
  trace: boolean,
): Promise<{ keystrokes: Keystroke[]; events: TraceEvent[] | null }> {
  const search = page.getByTestId("list-search");
  await search.focus();
  const cdp = trace ? await page.context().newCDPSession(page) : null;
  const events: TraceEvent[] = [];
  cdp?.on("Tracing.dataCollected", (data) => events.push(...(data.value as unknown as TraceEvent[])));
  await cdp?.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] },
  });
  const keystrokes: Keystroke[] = [];
  for (const word of typed) {
    for (let length = 1; length <= word.length; length++) {
      const q = word.slice(0, length);
      // The count alone (limit=1), so the page's own request (limit=50) finds the server's page
      // cache cold, as a reader's new search does.
      const answer = await request(`${base}/api/experiments?${new URLSearchParams({ q, limit: "1" })}`);
      const { total } = JSON.parse(answer.body) as { total: number };
      const expected = pageRangeText({
        offset: 0,
        total,
        items: { length: Math.min(total, EXPERIMENT_PAGE_SIZE) } as readonly unknown[],
      });
      const unchanged = (await page.getByTestId("page-range").textContent()) === expected;
      if (!unchanged)
        await page.evaluate((text) => {
          const state = window as unknown as TypingState & { done: () => void };
          state.expected = text;
          state.shown = new Promise((resolve) => {
            state.done = resolve;
          });
        }, expected);
      await page.keyboard.press(word[length - 1]);
      if (!unchanged) {
        await page.evaluate(() => (window as unknown as TypingState).shown);
        keystrokes.push(
          await page.evaluate((search) => {
            const state = window as unknown as TypingState;
            const asked = state.requests.filter(
              (r) => r.sent >= state.keyAt && new URL(r.url).searchParams.get("q") === search,
            );
            const last = asked[asked.length - 1];
            return {
              sent: last ? last.sent - state.keyAt : null,
              answered: last ? last.answered - state.keyAt : null,
              server: last ? last.server : null,
              committed: state.committedAt - state.keyAt,
              painted: state.paintedAt - state.keyAt,
              others: state.others.filter((at) => at >= state.keyAt && at <= state.paintedAt).length,
            };
          }, q),
        );
      }
      await page.waitForURL((url) => url.searchParams.get("q") === q);
    }
    await search.fill("");
    await page.waitForURL((url) => !url.searchParams.has("q"));
    await search.focus();
  }
  if (!cdp) return { keystrokes, events: null };
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  return { keystrokes, events };
}

/** How many functions and trace events a profile prints. */
const PROFILE_TOP = 25;

/**
 * One more pass under Chromium's sampling CPU profiler: the profile is written to `file` and its
 * busiest functions printed (self time per counted keystroke; names are the production build's,
 * each with its chunk, line and column).
 */
async function profileTyping(session: ChromiumSession, base: string, typed: readonly string[], file: string) {
  const cdp = await session.page.context().newCDPSession(session.page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  const { keystrokes } = await typeSearches(session, base, typed, false);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  await cdp.send("Profiler.disable");
  await cdp.detach();
  writeFileSync(file, JSON.stringify(profile));
  const per = Math.max(keystrokes.length, 1);
  console.log(
    `A profiled pass on this checkout (n = ${keystrokes.length}), written to ${file}: self time per counted keystroke`,
  );
  for (const t of selfTimes(profile)
    .filter((t) => !t.name.startsWith("(idle)"))
    .slice(0, PROFILE_TOP))
    line(`  ${t.name}`, ms(t.selfMs / per));
}

/** Rounds of TYPED_SEARCHES searches typed into each page. */
const TYPING_ROUNDS = 2;

function textFlag(name: string): string | null {
  const at = process.argv.indexOf(name);
  if (at < 0) return null;
  const value = process.argv[at + 1];
  if (value === undefined || value.startsWith("--")) throw new Error(`${name} takes a value`);
  return value;
}

/** The keystroke figures: key → painted against the target, then each phase. */
function typingLines(keystrokes: readonly Keystroke[]): void {
  line(
    `  key → rows painted (n = ${keystrokes.length})`,
    spread(keystrokes, (k) => k.painted),
    "target p95 ≤ 100 ms",
  );
  line(
    "  key → rows committed (before style and paint)",
    spread(keystrokes, (k) => k.committed),
  );
  for (const [label, of] of KEYSTROKE_PHASES) line(label, spread(keystrokes, of));
  const cached = keystrokes.filter((k) => k.sent === null).length;
  if (cached > 0) line("    keystrokes answered from the browser's cache", String(cached));
  line(
    "    other requests per keystroke (key → painted)",
    spread(keystrokes, (k) => k.others).replaceAll(" ms", ""),
  );
}

/** p50/p95/max of what `of` gives for the keystrokes that have it. */
function spread(keystrokes: readonly Keystroke[], of: (k: Keystroke) => number | null): string {
  const sorted = keystrokes
    .map(of)
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  if (sorted.length === 0) return "none";
  return `p50 ${ms(quantile(sorted, 0.5))} p95 ${ms(quantile(sorted, 0.95))} max ${ms(sorted[sorted.length - 1])}`;
}

async function main(): Promise<void> {
  const experiments = flag("--experiments", 10_000);
  const seconds = flag("--seconds", 20);
  console.log(
    `bench:list — ${new Date().toISOString()}, ${cpus().length} cores, load ${loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-bench-list-"));
  process.env.ALPHASCOPE_DATA_DIR = dataDir;
  process.env.ALPHASCOPE_PG_PORT = String(await freePort());
  delete process.env.DATABASE_URL;
  const database = await openDatabase();
  const db = createPrisma(database.url);
  try {
    await seed(db, experiments);
  } finally {
    await db.$disconnect();
  }
  const app = await startApp({ env: { DATABASE_URL: database.url } });
  let before: RunningApp | null = null;
  try {
    const base = app.baseUrl;
    const home = await request(`${base}/`);
    line(
      "Home page: first HTML (GET /)",
      `${(Buffer.byteLength(home.body) / 1024).toFixed(1)} KB`,
      `target ≤ 150 KB; status ${home.status}`,
    );
    const scripts = [...home.body.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)];
    const inline = scripts.reduce((sum, match) => sum + Buffer.byteLength(match[1]), 0);
    line("  of which inline scripts (the React payload)", `${(inline / 1024).toFixed(1)} KB`);
    const urls = await listUrls(base, createRng(24));
    line("List API mix", `${urls.length} URLs`, "search/filter/neither × 6 sorts × order × pages 1–4");
    // With --before <checkout>: that checkout's build serves the same database beside this one; the
    // loads alternate between the two (this, before, before, this; half the time each), so a change
    // of load falls on both. Cursors are opaque but the same on both: the mix is the same URLs.
    const beforeDir = textFlag("--before");
    before = beforeDir ? await startApp({ env: { DATABASE_URL: database.url }, cwd: beforeDir }) : null;
    const servers = [
      { label: "this checkout", base },
      ...(before ? [{ label: `before (${beforeDir})`, base: before.baseUrl }] : []),
    ].map((target) => ({
      ...target,
      pid: listenerPid(Number(new URL(target.base).port)),
      mix: urls.map((url) => url.replace(base, target.base)),
      baseline: [] as LoadFigures[],
      list: [] as LoadFigures[],
    }));
    for (const { base: at, pid, mix } of servers) {
      // Each page asked once (as this checkout's were to collect the cursors: every page of the
      // load is a cached one), and both loads warmed, so no figure holds a first compilation.
      for (const url of mix) await request(url);
      await load(2, pid, () => `${at}/icon.svg`);
      await load(2, pid, () => mix[Math.floor(Math.random() * mix.length)]);
    }
    const rounds = servers.length === 1 ? servers : [...servers, ...[...servers].reverse()];
    const share = seconds / (rounds.length / servers.length);
    for (const server of rounds) {
      const random = createRng(5 + server.list.length);
      server.baseline.push(await load(share, server.pid, () => `${server.base}/icon.svg`));
      server.list.push(
        await load(share, server.pid, () => server.mix[Math.floor(random() * server.mix.length)]),
      );
    }
    for (const { label, baseline, list } of servers) {
      console.log(`List API, ${label}:`);
      loadLine(`  static /icon.svg, ${CLIENTS} clients (baseline)`, seconds, merged(baseline));
      loadLine(`  GET /api/experiments mix, ${CLIENTS} clients`, seconds, merged(list), "target p95 ≤ 50 ms");
    }
    const numbers = createRng(7);
    const words = () =>
      Array.from({ length: TYPED_SEARCHES }, () =>
        String(TEMPLATES + Math.floor(numbers() * (experiments - TEMPLATES))),
      );
    // With --before: the rounds alternate which of the two builds is typed into first (the same words
    // in both), so a change of load falls on both; each page keeps its query cache, so each round
    // types new words.
    const pages = [
      { label: "this checkout", base, session: await openTypingPage(base), keystrokes: [] as Keystroke[] },
      ...(before
        ? [
            {
              label: `before (${beforeDir})`,
              base: before.baseUrl,
              session: await openTypingPage(before.baseUrl),
              keystrokes: [] as Keystroke[],
            },
          ]
        : []),
    ];
    try {
      for (let round = 0; round < TYPING_ROUNDS; round++) {
        const typed = words();
        for (const target of round % 2 === 0 ? pages : [...pages].reverse())
          target.keystrokes.push(
            ...(await typeSearches(target.session, target.base, typed, false)).keystrokes,
          );
      }
      for (const { label, keystrokes } of pages) {
        console.log(`Search box, ${label}:`);
        typingLines(keystrokes);
      }
      if (process.argv.includes("--trace")) {
        // One more pass, traced (tracing slows the page, so the figures above come without it).
        const traced = await typeSearches(pages[0].session, base, words(), true);
        console.log(
          `A traced pass on this checkout: renderer main thread per counted keystroke (n = ${traced.keystrokes.length}; key → painted ${spread(traced.keystrokes, (k) => k.painted)})`,
        );
        const per = Math.max(traced.keystrokes.length, 1);
        const events = traced.events ?? [];
        for (const { phase, ms: total } of timePerPhase(events)) line(`  ${phase}`, ms(total / per));
        console.log("  of which, per trace event (self time, the phase it counts in):");
        for (const event of timePerEvent(events).slice(0, PROFILE_TOP))
          line(`    ${event.name} (${event.phase})`, ms(event.ms / per));
      }
      const profileFile = textFlag("--profile");
      if (profileFile) await profileTyping(pages[0].session, base, words(), profileFile);
    } finally {
      for (const { session } of pages) await session.close();
    }
    console.log(
      `load average at the end: ${loadavg()
        .map((value) => value.toFixed(2))
        .join(" ")}`,
    );
  } finally {
    await before?.stop();
    await app.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
