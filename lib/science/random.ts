/**
 * A seeded pseudo-random generator (mulberry32): the same seed always gives the same sequence, so
 * every bootstrap, test fixture and benchmark is reproducible. Returns numbers uniform in [0, 1).
 */
export function createRng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in [0, size) drawn from `rng`. */
export function randomIndex(rng: () => number, size: number): number {
  return Math.floor(rng() * size);
}
