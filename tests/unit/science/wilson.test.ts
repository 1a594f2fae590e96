import { describe, expect, it } from "vitest";
import { normalQuantile } from "../../../lib/science/normalQuantile";
import { wilsonInterval } from "../../../lib/science/wilson";

describe("wilsonInterval", () => {
  it("gives the textbook interval for 8 of 10 at 95%", () => {
    const interval = wilsonInterval(8, 10);
    expect(interval.value).toBe(0.8);
    expect(interval.lower).toBeCloseTo(0.4902, 4);
    expect(interval.upper).toBeCloseTo(0.9433, 4);
  });

  it("stays inside [0, 1] at the extremes and narrows with more trials", () => {
    expect(wilsonInterval(0, 20).lower).toBe(0);
    expect(wilsonInterval(0, 20).upper).toBeCloseTo(0.1611, 4);
    expect(wilsonInterval(20, 20).upper).toBe(1);
    const few = wilsonInterval(30, 100);
    const many = wilsonInterval(300, 1000);
    expect(many.upper - many.lower).toBeLessThan(few.upper - few.lower);
  });

  it("rejects impossible counts", () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(0, 0)).toThrow(RangeError);
  });
});

describe("normalQuantile", () => {
  it("inverts the normal CDF at familiar points", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6);
  });
});
