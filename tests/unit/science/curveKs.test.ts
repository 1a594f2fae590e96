import { describe, expect, it } from "vitest";
import { curveKs } from "../../../lib/science/curveKs";

describe("curveKs", () => {
  it("runs from 1 to maxK, ascending and distinct, with every standard k ≤ maxK", () => {
    const ks = curveKs(256);
    expect(ks[0]).toBe(1);
    expect(ks[ks.length - 1]).toBe(256);
    for (let i = 1; i < ks.length; i++) expect(ks[i]).toBeGreaterThan(ks[i - 1]);
    for (const k of [1, 5, 10, 25, 50, 100, 250]) expect(ks).toContain(k);
    expect(ks).not.toContain(1000);
    // About 12 per decade over 2.4 decades plus the standard k: a smooth curve, not every integer.
    expect(ks.length).toBeGreaterThan(25);
    expect(ks.length).toBeLessThan(45);
  });

  it("gives just 1 when maxK is 1 and rejects a non-positive maxK", () => {
    expect(curveKs(1)).toEqual([1]);
    expect(() => curveKs(0)).toThrow(RangeError);
  });
});
