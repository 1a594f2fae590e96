import { STANDARD_KS } from "./passAtK";

/**
 * The k at which a pass@k curve is sampled: about `perDecade` log-spaced integers per decade from 1
 * to `maxK`, always including every standard k ≤ maxK and maxK itself, ascending and distinct. A
 * curve drawn through them on a log axis looks smooth without computing every integer k.
 */
export function curveKs(maxK: number, perDecade = 12): number[] {
  if (!Number.isInteger(maxK) || maxK < 1)
    throw new RangeError(`maxK must be a positive integer, got ${maxK}`);
  const ks = new Set<number>([1, maxK]);
  for (const k of STANDARD_KS) if (k <= maxK) ks.add(k);
  const steps = Math.ceil(Math.log10(maxK) * perDecade);
  for (let i = 1; i < steps; i++) ks.add(Math.round(10 ** (i / perDecade)));
  return [...ks].filter((k) => k <= maxK).sort((a, b) => a - b);
}
