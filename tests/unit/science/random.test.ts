import { describe, expect, it } from "vitest";
import { createRng, randomIndex } from "../../../lib/science/random";

describe("createRng", () => {
  it("repeats the same sequence for the same seed and differs for another seed", () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });

  it("draws uniformly from [0, 1)", () => {
    const rng = createRng(7);
    const bins = new Array(10).fill(0);
    let min = 1;
    let max = 0;
    for (let i = 0; i < 100_000; i++) {
      const u = rng();
      min = Math.min(min, u);
      max = Math.max(max, u);
      bins[Math.floor(u * 10)]++;
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Each bin expects 10 000 ± 95 (1 sd); 5 sd is a loose bound that a broken generator fails.
    for (const count of bins) expect(Math.abs(count - 10_000)).toBeLessThan(475);
  });

  it("gives indices inside the range", () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomIndex(rng, 7));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});
