/**
 * Benchmark of the science core on a seeded 41-α × 5 000-problem sweep with n = 256 samples per
 * (checkpoint, problem). Prints the median time of several runs next to each target, and the
 * bootstrap's inner loops beside the former ones measured in the same run; not a test.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { quantileSorted } from "d3";
import { DIFFICULTIES } from "../lib/domain/difficulty";
import {
  bootstrapEnsembleGain,
  bootstrapFrontier,
  bootstrapFrontierStrata,
  checkpointSummaries,
  createEstimator,
  createRng,
  DEFAULT_BOOTSTRAP,
  drawCounts,
  ensemblePassAtK,
  getMetric,
  jointLevel,
  paretoFront,
  searchEnsembles,
  sliceProblemIndices,
  sortedPercentileInterval,
  splitBudgetEqual,
  tailsSorted,
  unionOfStrata,
} from "../lib/science";
import { runEnsembleSearch } from "../lib/science/ensembleSearchSummary";
import { selectionAdjustedGain } from "../lib/science/ensembleSelection";
import { drawProblemResamples } from "../lib/science/passAtKBands";
import { checkpointPassAtKCurve } from "../lib/science/passAtKCurves";
import { syntheticMatrix } from "../lib/science/syntheticMatrix";
import { straightforwardWeightedRowSums, weightedRowSums } from "../lib/science/weightedRowSums";

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
  ms: medianMs(3, () => bootstrapFrontierStrata(matrix, strata, DEFAULT_BOOTSTRAP)),
  target: 5000,
});

// The frontier bootstrap's inner loop, former and current, on a table of the sweep's shape
// (5 000 problems × 41 checkpoints × 16 columns: presence, 6 verdicts, solve rate, runtime sum and
// count, pass@5 … pass@250) with the explorer's draws; the two must give the same bits. Then the
// current loop on the table the bootstrap builds now: its 8 counts two to a column (12 columns).
const { resamples } = DEFAULT_BOOTSTRAP;
const { union, bounds } = unionOfStrata(strata);
const tableWidth = ALPHAS.length * 16;
const sharedCountsWidth = ALPHAS.length * 12;
const tableRng = createRng(11);
const table = Float64Array.from({ length: union.length * tableWidth }, () => tableRng());
const drawRng = createRng(DEFAULT_BOOTSTRAP.seed);
const resampleMajor = new Int32Array(union.length * resamples);
for (let r = 0; r < resamples; r++) {
  for (const { from, to } of bounds) {
    drawCounts(drawRng, resampleMajor.subarray(r * union.length + from, r * union.length + to));
  }
}
const problemMajor = new Int32Array(resampleMajor.length);
for (let r = 0; r < resamples; r++) {
  for (let i = 0; i < union.length; i++)
    problemMajor[i * resamples + r] = resampleMajor[r * union.length + i];
}
const allSums = (width: number, sum: (rows: (typeof bounds)[number], sums: Float64Array) => void) =>
  bounds.map((rows) => {
    const sums = new Float64Array(width * resamples);
    sum(rows, sums);
    return sums;
  });
let formerSums: Float64Array[] = [];
let currentSums: Float64Array[] = [];
rows.push({
  task: `weighted row sums, ${resamples} resamples, 4 slices: straightforward loop (former)`,
  ms: medianMs(3, () => {
    formerSums = allSums(tableWidth, (rowRange, sums) =>
      straightforwardWeightedRowSums(
        table,
        tableWidth,
        problemMajor,
        { row: resamples, resample: 1 },
        resamples,
        rowRange,
        sums,
      ),
    );
  }),
});
rows.push({
  task: `weighted row sums, ${resamples} resamples, 4 slices: drawn rows 4 at a time (now)`,
  ms: medianMs(3, () => {
    currentSums = allSums(tableWidth, (rowRange, sums) =>
      weightedRowSums(table, tableWidth, resampleMajor, union.length, resamples, rowRange, sums),
    );
  }),
  note: formerSums.every((sums, s) => Buffer.from(sums.buffer).equals(Buffer.from(currentSums[s].buffer)))
    ? "same bits as the former"
    : "DIFFERENT BITS",
});
rows.push({
  task: `weighted row sums, ${resamples} resamples, 4 slices: the same, counts two to a column (now)`,
  ms: medianMs(3, () =>
    allSums(sharedCountsWidth, (rowRange, sums) =>
      weightedRowSums(table, sharedCountsWidth, resampleMajor, union.length, resamples, rowRange, sums),
    ),
  ),
});

// The percentile bounds of one estimate (95 % and the joint 97.5 %) from its 2 000 resamples, as many
// times as the frontier has estimates (41 checkpoints × 16 metrics × 3 (value, Δ A, Δ B) × 5 slices).
const estimates = ALPHAS.length * 16 * 3 * 5;
const valueRng = createRng(5);
const resampled = Array.from({ length: 64 }, () => Array.from({ length: resamples }, () => valueRng()));
const formerInterval = (values: number[], level: number) => {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  const tail = (1 - level) / 2;
  return [quantileSorted(finite, tail), quantileSorted(finite, 1 - tail)];
};
rows.push({
  task: `percentile bounds of ${estimates} estimates: two comparator sorts each (former)`,
  ms: medianMs(3, () => {
    for (let e = 0; e < estimates; e++) {
      const values = resampled[e % resampled.length];
      formerInterval(values, 0.95);
      formerInterval(values, jointLevel(0.95));
    }
  }),
});
rows.push({
  task: `percentile bounds of ${estimates} estimates: both ends selected and sorted (now)`,
  ms: medianMs(3, () => {
    for (let e = 0; e < estimates; e++) {
      const sorted = tailsSorted(resampled[e % resampled.length], 0.025);
      sortedPercentileInterval(sorted, 0.95);
      sortedPercentileInterval(sorted, jointLevel(0.95));
    }
  }),
});

const curveKs = [1, 2, 5, 10, 25, 50, 100, 250, 256];
rows.push({
  task: `pass@k bands (${resamples} resamples), 41 curves, all problems: each curve draws (former)`,
  ms: medianMs(1, () => {
    for (let index = 0; index < matrix.checkpoints.length; index++) {
      checkpointPassAtKCurve(matrix, index, curveKs, all, DEFAULT_BOOTSTRAP);
    }
  }),
});
rows.push({
  task: `pass@k bands (${resamples} resamples), 41 curves, all problems: drawn once (now)`,
  ms: medianMs(3, () => {
    const draws = drawProblemResamples(all.length, DEFAULT_BOOTSTRAP);
    for (let index = 0; index < matrix.checkpoints.length; index++) {
      checkpointPassAtKCurve(matrix, index, curveKs, all, DEFAULT_BOOTSTRAP, draws);
    }
  }),
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
