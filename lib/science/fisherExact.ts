/**
 * Fisher's exact test, two-sided, on a 2×2 table of pass/fail counts at two α. Written here rather
 * than taken from a package: no maintained npm package offers it with R's two-sided convention
 * (the p-value sums every table no more likely than the observed one, with a 1e-7 relative
 * tolerance for ties), and it is a dozen lines over log-factorials.
 */

/** ln(k!) for k = 0…, by cumulative sums (exact enough for tables of a few thousand samples). */
let logFactorialTable = new Float64Array(1);

/**
 * ln(k!) for k = 0…max at least. Grown on demand and kept: the claims test thousands of tables of
 * the same sweep, and rebuilding the sums each time was a tenth of their time (docs/performance.md).
 * Each entry depends only on the one before, so a grown table holds the same numbers.
 */
function logFactorials(max: number): Float64Array {
  if (logFactorialTable.length > max) return logFactorialTable;
  const table = new Float64Array(Math.max(max + 1, 2 * logFactorialTable.length));
  table.set(logFactorialTable);
  for (let k = Math.max(2, logFactorialTable.length); k < table.length; k++)
    table[k] = table[k - 1] + Math.log(k);
  logFactorialTable = table;
  return table;
}

/** Relative tolerance under which two tables count as equally likely (R's fisher.test uses 1 + 1e-7). */
const TIE_TOLERANCE = 1 + 1e-7;

/**
 * Two-sided p-value of Fisher's exact test that `passA` of `nA` and `passB` of `nB` come from one
 * pass rate: conditional on the total passes, passA is hypergeometric; the p-value is the probability
 * of every table at most as likely as the observed one. 1 when either side has no samples.
 */
export function fisherExactTwoSided(passA: number, nA: number, passB: number, nB: number): number {
  if (nA === 0 || nB === 0) return 1;
  const passes = passA + passB;
  const total = nA + nB;
  const lf = logFactorials(total);
  const logChoose = (n: number, k: number) => lf[n] - lf[k] - lf[n - k];
  const logDenominator = logChoose(total, passes);
  const low = Math.max(0, passes - nB);
  const high = Math.min(nA, passes);
  const logProbability = (x: number) => logChoose(nA, x) + logChoose(nB, passes - x) - logDenominator;
  const observed = logProbability(passA) + Math.log(TIE_TOLERANCE);
  let p = 0;
  for (let x = low; x <= high; x++) {
    const logP = logProbability(x);
    if (logP <= observed) p += Math.exp(logP);
  }
  return Math.min(1, p);
}
