import { rgb } from "d3";
import { describe, expect, it } from "vitest";
import { alphaColor, alphaRampPosition } from "@/lib/charts/alphaColor";

describe("alphaRampPosition", () => {
  it("puts A at a quarter, B at three quarters and the midpoint of [0, 1] at the centre", () => {
    expect(alphaRampPosition(0, -1, 2)).toBe(0.25);
    expect(alphaRampPosition(0.5, -1, 2)).toBe(0.5);
    expect(alphaRampPosition(1, -1, 2)).toBe(0.75);
  });

  it("stretches each extrapolation side to its own reach", () => {
    expect(alphaRampPosition(-1, -1, 2)).toBe(0);
    expect(alphaRampPosition(-0.5, -1, 2)).toBe(0.125);
    expect(alphaRampPosition(2, -1, 2)).toBe(1);
    expect(alphaRampPosition(1.5, -1, 2)).toBe(0.875);
  });

  it("increases with α", () => {
    const alphas = [-1, -0.75, -0.25, 0, 0.1, 0.6, 1, 1.2, 2];
    const positions = alphas.map((alpha) => alphaRampPosition(alpha, -1, 2));
    for (let i = 1; i < positions.length; i++) expect(positions[i]).toBeGreaterThan(positions[i - 1]);
  });
});

// Contrast on the light and the dark surface: tests/unit/charts/palette.test.ts.
describe("alphaColor", () => {
  it("gives the two endpoints clearly different hues", () => {
    const a = rgb(alphaColor(0, -1, 2));
    const b = rgb(alphaColor(1, -1, 2));
    expect(a.r).toBeGreaterThan(a.b);
    expect(b.b).toBeGreaterThan(b.r);
  });
});
