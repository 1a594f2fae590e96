/**
 * Benchmark of the cluster option (issue #21 item 8) on the seeded 41-α × 5 000-problem sweep of
 * bench-science (n = 256): the version's bootstrap (frontier intervals, pass@k bands) with problems
 * drawn one by one — the baseline — and by contest (1 000 contests of 5 problems), in the same run.
 * Prints CPU and wall time of one run each; not a test.
 */
import { availableParallelism, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { DIFFICULTIES } from "../lib/domain/difficulty";
import type { SweepMatrix } from "../lib/domain/sweep";
import { bootstrapFrontierStrata, DEFAULT_BOOTSTRAP } from "../lib/science/bootstrap";
import { curveKs } from "../lib/science/curveKs";
import { minSamples } from "../lib/science/passAtK";
import { checkpointPassAtKCurve } from "../lib/science/passAtKCurves";
import { sliceProblemIndices } from "../lib/science/slices";
import { syntheticMatrix } from "../lib/science/syntheticMatrix";

const ALPHAS = Array.from({ length: 41 }, (_, i) => -1 + i * 0.075);
const PROBLEMS = 5000;
const PER_CONTEST = 5;

function timed(task: () => unknown): { wall: number; cpu: number } {
  const startCpu = process.cpuUsage();
  const start = performance.now();
  task();
  const used = process.cpuUsage(startCpu);
  return { wall: performance.now() - start, cpu: (used.user + used.system) / 1000 };
}

const naive = syntheticMatrix({ alphas: ALPHAS, problems: PROBLEMS, samples: 256, seed: 7 });
const clustered: SweepMatrix = {
  ...naive,
  clusters: { by: "contest", keys: naive.problems.map((_, i) => `contest-${Math.floor(i / PER_CONTEST)}`) },
};
const strata = DIFFICULTIES.map((difficulty) => sliceProblemIndices(naive, difficulty));
const all = sliceProblemIndices(naive, "all");

const rows: { task: string; ms: { wall: number; cpu: number } }[] = [];
for (const [name, matrix] of [
  ["one by one", naive],
  ["by contest", clustered],
] as const) {
  rows.push({
    task: `frontier intervals (${DEFAULT_BOOTSTRAP.resamples} resamples, 4 slices), ${name}`,
    ms: timed(() => bootstrapFrontierStrata(matrix, strata, DEFAULT_BOOTSTRAP)),
  });
  rows.push({
    task: `pass@k bands of 41 checkpoints on "all", ${name}`,
    ms: timed(() => {
      matrix.checkpoints.forEach((cp, index) => {
        checkpointPassAtKCurve(matrix, index, curveKs(minSamples(cp.n, all)), all, DEFAULT_BOOTSTRAP);
      });
    }),
  });
}

console.log(
  `alphascope cluster-option benchmark — ${ALPHAS.length} α × ${PROBLEMS} problems, contests of ${PER_CONTEST}\n`,
);
const width = Math.max(...rows.map((row) => row.task.length));
console.log(`${"task".padEnd(width)}  ${"CPU".padStart(12)}  ${"wall".padStart(12)}`);
for (const row of rows)
  console.log(
    `${row.task.padEnd(width)}  ${`${row.ms.cpu.toFixed(0)} ms`.padStart(12)}  ${`${row.ms.wall.toFixed(0)} ms`.padStart(12)}`,
  );
console.log(
  `\nload average (1 min) while running: ${loadavg()[0].toFixed(2)} on ${availableParallelism()} cores`,
);
