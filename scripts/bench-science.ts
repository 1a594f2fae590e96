/**
 * Benchmark of the science core on a seeded 41-α × 5 000-problem sweep with n = 256 samples per
 * (checkpoint, problem). Prints the median time of several runs next to each target; not a test.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DIFFICULTIES } from "../lib/domain/difficulty";
import {
  bootstrapEnsembleGain,
  bootstrapFrontier,
  bootstrapFrontierStrata,
  checkpointSummaries,
  createEstimator,
  createRng,
  DEFAULT_BOOTSTRAP,
  ensemblePassAtK,
  getMetric,
  paretoFront,
  searchEnsembles,
  sliceProblemIndices,
  splitBudgetEqual,
} from "../lib/science";
import { runEnsembleSearch } from "../lib/science/ensembleSearchSummary";
import { selectionAdjustedGain } from "../lib/science/ensembleSelection";
import { syntheticMatrix } from "../lib/science/syntheticMatrix";

const ALPHAS = Array.from({ length: 41 }, (_, i) => -1 + i * 0.075);
const PROBLEMS = 5000;
const SAMPLES = 256;

/**
 * Median wall-clock and CPU time of several runs. CPU time (user + system of this process) is what
 * the targets are checked against: the machine is shared, and wall time grows with other load.
 */
function medianMs(runs: number, task: () => unknown): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    task();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { wall: median(wall), cpu: median(cpu) };
}

const buildStart = performance.now();
const matrix = syntheticMatrix({ alphas: ALPHAS, problems: PROBLEMS, samples: SAMPLES, seed: 7 });
const buildMs = performance.now() - buildStart;
const all = sliceProblemIndices(matrix, "all");
const hard = sliceProblemIndices(matrix, "hard");
const summaries = checkpointSummaries(matrix);

const rows: { task: string; ms: { wall: number; cpu: number }; target?: number; note?: string }[] = [];

rows.push({
  task: "checkpointSummaries: 41 checkpoints × 4 slices",
  ms: medianMs(9, () => checkpointSummaries(matrix)),
  target: 20,
});

const split = splitBudgetEqual(250, 3);
const members = [0, 20, 40].map((checkpoint, i) => ({ checkpoint, k: split[i] }));
rows.push({
  task: "ensemblePassAtK: pass@250, 3 members, 5 000 problems",
  ms: medianMs(21, () => ensemblePassAtK(matrix, members, all)),
  target: 2,
});

let search = searchEnsembles({ matrix, budget: 250, maxMembers: 3, problems: all });
rows.push({
  task: "searchEnsembles: K = 250, m ≤ 3, 5 000 problems",
  ms: medianMs(3, () => {
    search = searchEnsembles({ matrix, budget: 250, maxMembers: 3, problems: all });
  }),
  target: 500,
  note: `${search.method}, ${search.evaluated} sets`,
});
const hardSearch = searchEnsembles({ matrix, budget: 250, maxMembers: 4, problems: hard });
rows.push({
  task: "searchEnsembles: K = 250, m ≤ 4, hard slice",
  ms: medianMs(3, () => searchEnsembles({ matrix, budget: 250, maxMembers: 4, problems: hard })),
  note: `${hardSearch.method}, ${hardSearch.evaluated} sets`,
});

const winner = search.ensembles[0].members;
rows.push({
  task: "selectionAdjustedGain: the m ≤ 3 winner, 5 000 problems",
  ms: medianMs(5, () => selectionAdjustedGain({ matrix, members: winner, problems: all, maxMembers: 3 })),
});
for (const maxMembers of [3, 6]) {
  const settings = { budget: 250, maxMembers, difficulty: "all" as const, top: 5 };
  rows.push({
    task: `runEnsembleSearch: K = 250, m ≤ ${maxMembers}, search + raw + adjusted intervals (the page's worker)`,
    ms: medianMs(3, () => runEnsembleSearch(matrix, all, "bench", settings)),
    target: 1000,
  });
}

const correctness = getMetric("correctness");
const efficiency = getMetric("efficiency");
const frontierPoints = summaries.map((s) => ({
  x: correctness.value(s) ?? Number.NaN,
  y: efficiency.value(s) ?? Number.NaN,
}));
const directions = { x: correctness.direction, y: efficiency.direction };
rows.push({
  task: "paretoFront: 41 checkpoints",
  ms: medianMs(101, () => paretoFront(frontierPoints, directions)),
});
const rng = createRng(3);
const cloud = Array.from({ length: 100_000 }, () => ({ x: rng(), y: rng() }));
rows.push({
  task: "paretoFront: 100 000 random points",
  ms: medianMs(5, () => paretoFront(cloud, directions)),
});

const knots = summaries.map((s) => ({ alpha: s.alpha, value: s.solveRate }));
const queries = Array.from(
  { length: 1000 },
  (_, i) => ALPHAS[0] + ((ALPHAS[40] - ALPHAS[0]) * (i + 0.5)) / 1000,
);
for (const method of ["linear", "monotone"] as const) {
  const estimator = createEstimator(knots, method);
  const ms = medianMs(21, () => {
    for (const alpha of queries) estimator(alpha);
  });
  rows.push({
    task: `α estimate (${method}), per estimate over 1 000`,
    ms: { wall: ms.wall / queries.length, cpu: ms.cpu / queries.length },
    target: 0.05,
  });
}

rows.push({
  task: "bootstrapEnsembleGain: 200 resamples, 3 members",
  ms: medianMs(5, () =>
    bootstrapEnsembleGain(matrix, members, all, { resamples: 200, seed: 1, level: 0.95 }),
  ),
});
rows.push({
  task: "bootstrapFrontier: 200 resamples, all metrics, 5 000 problems",
  ms: medianMs(3, () => bootstrapFrontier(matrix, all, { resamples: 200, seed: 1, level: 0.95 })),
});
const strata = DIFFICULTIES.map((difficulty) => sliceProblemIndices(matrix, difficulty));
rows.push({
  task: "bootstrapFrontierStrata: 200 resamples (the former setting), 4 slices",
  ms: medianMs(3, () => bootstrapFrontierStrata(matrix, strata, { resamples: 200, seed: 1, level: 0.95 })),
});
rows.push({
  task: `bootstrapFrontierStrata: the explorer's intervals (${DEFAULT_BOOTSTRAP.resamples} resamples), 4 slices`,
  ms: medianMs(1, () => bootstrapFrontierStrata(matrix, strata, DEFAULT_BOOTSTRAP)),
});

const best = search.ensembles[0];
console.log(`alphascope science benchmark — ${ALPHAS.length} α × ${PROBLEMS} problems × n = ${SAMPLES}`);
console.log(
  `(synthetic sweep built in ${buildMs.toFixed(0)} ms; best ensemble pass@250 gain ${best.gain?.toFixed(4)})\n`,
);
const width = Math.max(...rows.map((row) => row.task.length));
const format = (ms: number) => `${ms < 0.1 ? ms.toFixed(5) : ms.toFixed(2)} ms`;
console.log(
  `${"task".padEnd(width)}  ${"CPU median".padStart(12)}  ${"wall median".padStart(12)}  ${"target".padStart(10)}  status`,
);
for (const row of rows) {
  const target = row.target === undefined ? "" : `≤ ${row.target} ms`;
  const status = row.target === undefined ? "" : row.ms.cpu <= row.target ? "ok" : "SLOW";
  console.log(
    `${row.task.padEnd(width)}  ${format(row.ms.cpu).padStart(12)}  ${format(row.ms.wall).padStart(12)}  ${target.padStart(10)}  ${status} ${row.note ?? ""}`,
  );
}
console.log(
  `\nload average (1 min) while running: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`,
);
