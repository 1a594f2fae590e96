/**
 * Benchmark of the statistics job's claims kind on a seeded 13-α × 1 055-problem sweep with n = 250
 * (LiveCodeBench v5's size at pass@250): the claims body of every slice next to the frontier body,
 * its baseline (the same stratified bootstrap, without the hypervolumes, tests and ensemble
 * searches). Prints the median of a few runs; not a test.
 */
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { claimsData } from "../lib/responses/claims";
import { frontierData } from "../lib/responses/statisticPayloads";
import { syntheticMatrix } from "../lib/science/syntheticMatrix";

const ALPHAS = Array.from({ length: 13 }, (_, i) => -1 + i * 0.25);
const matrix = syntheticMatrix({ alphas: ALPHAS, problems: 1055, samples: 250, seed: 7 });
const header = {
  slug: "bench",
  name: "bench",
  description: "",
  benchmark: "bench",
  setting: "pure-reasoning",
  modelFamily: null,
  modelScale: null,
  synthetic: true,
  endpoints: { a: { label: "A", model: null }, b: { label: "B", model: null } },
  updatedAt: new Date(0).toISOString(),
} as Parameters<typeof frontierData>[0]["header"];

function medianMs(runs: number, task: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const frontierMs = medianMs(3, () => frontierData({ header, matrix }));
const claimsMs = medianMs(3, () => claimsData("bench", matrix));
console.log(`13 α × 1 055 problems × 250 samples, load average ${loadavg()[0].toFixed(2)}`);
console.log(`frontier body (baseline): ${frontierMs.toFixed(0)} ms`);
console.log(
  `claims body, every slice: ${claimsMs.toFixed(0)} ms (${(claimsMs / frontierMs).toFixed(2)} × the frontier)`,
);
