/**
 * `npm run bench:ui`: responsiveness of the frontier pages on the production build, in headless
 * Chromium, for 41-α × 5 000-problem experiments (the demo and the five other cells of its study at
 * that size). Prints figures next to the targets; not a test.
 *  - time from navigation start to the interactive explorer (React hydrated), cold (first request)
 *    and warm (median of later navigations);
 *  - slider latency on the explorer, the compare page (two experiments) and the study grid (six
 *    panels): a real pointer drag of 200 moves; per move, from the input event to the DOM commit
 *    that moves what follows the pointer (the plot's α marker: the explorer's, the comparison's,
 *    the study's last panel's) (p50, p95, max). Beside each, the baseline of the same drag in the
 *    same page and moment over a bare element whose handler writes the pointer's position into the
 *    DOM: what the browser and the machine's load take before any of our code runs, and the same
 *    moves' pointerrawupdate events' wait before dispatch (not held for a frame). A second figure
 *    splits the first: from the event's dispatch to the page (when its first listener runs) to the
 *    same commit — the page's own work; the rest is the event's wait before dispatch. Then the score
 *    panel (explorer, compare), which follows a drag deferred: on how many moves it was updated
 *    while the drag went on, and how long after the move it showed that move's α.
 * `--profile <file>` then records, per page, a CPU profile of a second drag (`<file>` with the page's
 * name before its extension; open it in Chromium's DevTools, Performance panel), prints the
 * functions that took the most time, and splits a third, traced drag's main-thread time per move
 * into script, style, layout, paint and the rest, and per trace event.
 * `--app <checkout>` serves another checkout's build (e.g. main's, as the "before" of a change)
 * on the same data, measured by this script.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, parse } from "node:path";
import type { Page } from "playwright-core";
import { createPrisma } from "../lib/db/client";
import { openDatabase } from "../lib/db/database";
import { DEMO_EXPERIMENT_SLUG, DEMO_STUDY } from "../lib/demo/experiment";
import { alphaGrid } from "../lib/demo/options";
import { loadDemoStudy, loadDemoSweep } from "../lib/import/loadDemo";
import { launchChromium } from "./support/chromium";
import { type CpuProfile, selfTimes } from "./support/cpuProfile";
import { freePort } from "./support/freePort";
import { startApp } from "./support/server";
import { type TraceEvent, timePerEvent, timePerPhase } from "./support/traceEvents";

const ALPHAS = alphaGrid(-1, 2, 41);
const PROBLEMS = { easy: 1700, medium: 1700, hard: 1600 };
const DRAG_MOVES = 200;
const WARM_RUNS = 5;
const PROFILE_TOP = 25;
/** How long the worker may take to store every experiment's intervals before a page is measured. */
const INTERVALS_TIMEOUT_MS = 600_000;

/** A page with an α slider, and the elements whose change marks a move's commit. */
interface SliderPage {
  name: string;
  path: string;
  /** What follows the pointer: the element observed (its subtree: text, children and attributes). */
  committed: string;
  /** What follows a drag deferred (the score panel), observed the same way; none: nothing. */
  deferred: string | null;
}

const SLIDER_PAGES: SliderPage[] = [
  {
    name: "explorer",
    path: `/experiments/${DEMO_EXPERIMENT_SLUG}`,
    committed: ".explorer .frontier-chart",
    deferred: '[data-testid="score-alpha"]',
  },
  {
    name: "compare",
    path: `/compare?experiments=${DEMO_EXPERIMENT_SLUG},demo-pure-reasoning-7b`,
    committed: '[data-testid="compare-plot"]',
    deferred: "#compare-scores-title",
  },
  {
    name: "study",
    path: `/studies/${DEMO_STUDY.slug}`,
    committed: "[data-study-panel]:last-of-type",
    deferred: null,
  },
];

/** The value after a command-line flag (`--profile <file>`, `--app <checkout>`); undefined without the flag. */
function flagValue(flag: string, what: string): string | undefined {
  const at = process.argv.indexOf(flag);
  if (at === -1) return undefined;
  const value = process.argv[at + 1];
  if (!value) throw new Error(`${flag} needs ${what}.`);
  return value;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function line(label: string, value: string, target = ""): void {
  console.log(`${label.padEnd(44)} ${value.padStart(24)}${target ? `   target ${target}` : ""}`);
}

const ms = (value: number) => value.toFixed(1);

/** Waits until the page shows no "being computed" status (the worker stores intervals after an import). */
async function waitForIntervals(page: Page, url: string): Promise<void> {
  const deadline = Date.now() + INTERVALS_TIMEOUT_MS;
  while (true) {
    await page.goto(url);
    await page.locator('[data-hydrated="true"]').first().waitFor({ timeout: 120_000 });
    if ((await page.getByText("95% intervals are being computed").count()) === 0) return;
    if (Date.now() > deadline)
      throw new Error(`${url}: intervals still computing after ${INTERVALS_TIMEOUT_MS} ms`);
    await page.waitForTimeout(5_000);
  }
}

/** Per-move latencies (ms, sorted) of one observed element. */
interface MoveLatencies {
  /** From the pointer event's creation (its timeStamp: queueing counts) to the DOM change. */
  fromEvent: number[];
  /** From the event's dispatch to the page (its first listener) to the same DOM change. */
  fromDispatch: number[];
}

/**
 * Latency of each move of a drag across the element `track`, per element of `observed`: from the
 * pointer event's creation (so queueing counts), and from its dispatch, to the first DOM change
 * under that element; a move after which it changes before the next move is counted once, one
 * after which it does not is not.
 */
async function dragLatencies(
  page: Page,
  track: string,
  observed: readonly string[],
): Promise<MoveLatencies[]> {
  await page.evaluate((selectors) => {
    const state = window as unknown as {
      latencies: MoveLatencies[];
      lastMove: ({ created: number; dispatched: number } | null)[];
      benchObservers?: MutationObserver[];
      benchListening?: boolean;
    };
    state.latencies = selectors.map(() => ({ fromEvent: [], fromDispatch: [] }));
    state.lastMove = selectors.map(() => null);
    if (!state.benchListening) {
      state.benchListening = true;
      // On the window in the capture phase: the first listener of the page to run for the event.
      window.addEventListener(
        "pointermove",
        (event) => {
          const move = { created: event.timeStamp, dispatched: performance.now() };
          state.lastMove = state.lastMove.map(() => move);
        },
        { capture: true },
      );
    }
    for (const observer of state.benchObservers ?? []) observer.disconnect();
    state.benchObservers = selectors.map((selector, index) => {
      const target = document.querySelector(selector);
      if (!target) throw new Error(`${selector} not found`);
      const observer = new MutationObserver(() => {
        const move = state.lastMove[index];
        if (move === null) return;
        const now = performance.now();
        state.latencies[index].fromEvent.push(now - move.created);
        state.latencies[index].fromDispatch.push(now - move.dispatched);
        state.lastMove[index] = null;
      });
      observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
      return observer;
    });
  }, observed);
  const box = await page.locator(track).boundingBox();
  if (!box) throw new Error(`${track} not found`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + 2, y);
  await page.mouse.down();
  for (let i = 0; i < DRAG_MOVES; i++) {
    // Back and forth across the track so every move lands on a new α.
    const t = (i % 100) / 99;
    const fraction = Math.floor(i / 100) % 2 === 0 ? t : 1 - t;
    await page.mouse.move(box.x + 2 + fraction * (box.width - 4), y);
  }
  // Counted before the release, which updates the deferred panels at once.
  const latencies = await page.evaluate(
    () => (window as unknown as { latencies: MoveLatencies[] }).latencies,
  );
  await page.mouse.up();
  const sorted = (list: number[]) => list.sort((a, b) => a - b);
  return latencies.map(({ fromEvent, fromDispatch }) => ({
    fromEvent: sorted(fromEvent),
    fromDispatch: sorted(fromDispatch),
  }));
}

/**
 * The same drag over a bare element laid over the slider's track, whose pointermove handler writes
 * the pointer's position into its text: the latency no page code can go below at this moment. With
 * it, each move's `pointerrawupdate` wait from creation to dispatch (`unaligned`, sorted): Chromium
 * holds a pointermove for the next frame and hands a pointerrawupdate over at once, so the gap
 * between the two is the wait for a frame, which no handler shortens (nor the pixels' latency, which
 * is that frame's either way).
 */
async function baselineLatencies(page: Page): Promise<MoveLatencies & { unaligned: number[] }> {
  const box = await page.getByTestId("alpha-track").boundingBox();
  if (!box) throw new Error("slider track not found");
  await page.evaluate((rect) => {
    const bare = document.createElement("div");
    bare.id = "bench-baseline";
    Object.assign(bare.style, {
      position: "fixed",
      left: `${rect.x}px`,
      top: `${rect.y}px`,
      width: `${rect.width}px`,
      height: `${rect.height}px`,
      zIndex: "10000",
      background: "white",
      fontSize: "10px",
    });
    bare.addEventListener("pointermove", (event) => {
      bare.textContent = String(Math.round(event.clientX));
    });
    const unaligned: number[] = [];
    (window as unknown as { benchUnaligned: number[] }).benchUnaligned = unaligned;
    // "pointerrawupdate" is not in TypeScript's DOM event map (Chromium only, secure contexts).
    bare.addEventListener("pointerrawupdate" as "pointermove", (event) => {
      unaligned.push(performance.now() - event.timeStamp);
    });
    document.body.append(bare);
  }, box);
  const [latencies] = await dragLatencies(page, "#bench-baseline", ["#bench-baseline"]);
  const unaligned = await page.evaluate(() => {
    document.getElementById("bench-baseline")?.remove();
    return (window as unknown as { benchUnaligned: number[] }).benchUnaligned;
  });
  return { ...latencies, unaligned: unaligned.sort((a, b) => a - b) };
}

function summary(sorted: number[]): string {
  return `${ms(quantile(sorted, 0.5))} / ${ms(quantile(sorted, 0.95))} / ${ms(sorted[sorted.length - 1])} ms`;
}

function withSuffix(file: string, name: string): string {
  const { dir, name: base, ext } = parse(file);
  return join(dir, `${base}-${name}${ext || ".cpuprofile"}`);
}

/** A CPU profile of a drag (its top functions printed), then a trace of one split per phase. */
async function profileDrag(page: Page, target: SliderPage, file: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await dragLatencies(page, '[data-testid="alpha-track"]', [target.committed]);
  const { profile } = (await cdp.send("Profiler.stop")) as unknown as { profile: CpuProfile };
  await cdp.send("Profiler.disable");
  writeFileSync(file, JSON.stringify(profile));
  const times = selfTimes(profile);
  const busy = times.filter((t) => !t.name.startsWith("(idle)") && !t.name.startsWith("(program)"));
  console.log(`CPU profile of a second drag written to ${file}; self time per function:`);
  for (const t of [...busy.slice(0, PROFILE_TOP), ...times.filter((t) => !busy.includes(t))])
    console.log(`${t.selfMs.toFixed(1).padStart(9)} ms  ${t.name}`);

  const events: TraceEvent[] = [];
  cdp.on("Tracing.dataCollected", (data) => events.push(...(data.value as unknown as TraceEvent[])));
  const complete = new Promise<void>((resolve) => cdp.once("Tracing.tracingComplete", () => resolve()));
  await cdp.send("Tracing.start", {
    traceConfig: { includedCategories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] },
  });
  const [latencies] = await dragLatencies(page, '[data-testid="alpha-track"]', [target.committed]);
  await cdp.send("Tracing.end");
  await complete;
  await cdp.detach();
  const moves = Math.max(latencies.fromEvent.length, 1);
  console.log(
    `A third, traced drag: renderer main thread per move (over ${latencies.fromEvent.length} moves)`,
  );
  for (const phase of timePerPhase(events))
    console.log(`${(phase.ms / moves).toFixed(2).padStart(9)} ms  ${phase.phase}`);
  console.log("of which, per trace event (self time, the phase it counts in):");
  for (const event of timePerEvent(events).slice(0, PROFILE_TOP))
    console.log(`${(event.ms / moves).toFixed(2).padStart(9)} ms  ${event.name} (${event.phase})`);
}

async function main(): Promise<void> {
  const profileFile = flagValue("--profile", "a file to write the CPU profile to");
  const dataDir = mkdtempSync(join(tmpdir(), "alphascope-bench-ui-"));
  process.env.ALPHASCOPE_DATA_DIR = dataDir;
  process.env.ALPHASCOPE_PG_PORT = String(await freePort());
  delete process.env.DATABASE_URL;
  const database = await openDatabase();
  const db = createPrisma(database.url);
  try {
    const started = performance.now();
    const loaded = await loadDemoSweep(db, { alphas: ALPHAS, problems: PROBLEMS });
    const cells = await loadDemoStudy(db, { alphas: ALPHAS, problems: PROBLEMS });
    line(
      `Loaded ${cells.length + 1} × ${loaded.checkpoints} α × ${loaded.problems} problems`,
      `${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    await db.$disconnect();
  }

  // Another checkout's build (`--app`), served instead of this one's.
  const checkout = flagValue("--app", "the directory of a checkout to serve");
  if (checkout) line("Serving the build of", checkout);
  const app = await startApp({ env: { DATABASE_URL: database.url }, cwd: checkout });
  const browser = await launchChromium();
  try {
    const { page } = browser;
    const url = `${app.baseUrl}${SLIDER_PAGES[0].path}`;
    const interactiveMs = async () => {
      await page.goto(url);
      await page.locator('.explorer[data-hydrated="true"]').waitFor({ timeout: 120_000 });
      return page.evaluate(
        () => performance.getEntriesByName("alphascope:explorer-interactive")[0]?.startTime ?? Number.NaN,
      );
    };
    const cold = await interactiveMs();
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warm.push(await interactiveMs());
    warm.sort((a, b) => a - b);
    line("Navigation → interactive plot, cold", `${cold.toFixed(0)} ms`);
    line(
      `Navigation → interactive plot, warm (median of ${WARM_RUNS})`,
      `${quantile(warm, 0.5).toFixed(0)} ms`,
      "≤ 1500 ms",
    );

    for (const target of SLIDER_PAGES) {
      await waitForIntervals(page, `${app.baseUrl}${target.path}`);
      const [latencies, deferred] = await dragLatencies(
        page,
        '[data-testid="alpha-track"]',
        target.deferred ? [target.committed, target.deferred] : [target.committed],
      );
      const baseline = await baselineLatencies(page);
      line(`Slider move, ${target.name} (n = ${latencies.fromEvent.length})`, "p50 / p95 / max");
      line("  α → the plot's marker", summary(latencies.fromEvent), "p95 ≤ 8, max ≤ 16.7 ms");
      line(`  baseline: bare element (n = ${baseline.fromEvent.length})`, summary(baseline.fromEvent));
      line("  event dispatched → the plot's marker", summary(latencies.fromDispatch));
      line("  baseline: event dispatched → bare element", summary(baseline.fromDispatch));
      if (baseline.unaligned.length > 0)
        line(
          `  baseline: pointerrawupdate, event → dispatch (n = ${baseline.unaligned.length})`,
          summary(baseline.unaligned),
        );
      if (deferred)
        line(
          `  α → score panel, deferred (${deferred.fromEvent.length} of ${DRAG_MOVES} moves)`,
          deferred.fromEvent.length > 0 ? summary(deferred.fromEvent) : "never during the drag",
        );
      // The profiles come from further drags, so the profiler's overhead is not in the figures above.
      if (profileFile) await profileDrag(page, target, withSuffix(profileFile, target.name));
    }
  } finally {
    await browser.close();
    await app.stop();
    await database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
