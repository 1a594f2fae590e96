import { rgb } from "d3";
import { describe, expect, it } from "vitest";
import { alphaColor, alphaRampPosition } from "@/lib/charts/alphaColor";

/** WCAG relative luminance and contrast against white. */
function contrastOnWhite(color: string): number {
  const { r, g, b } = rgb(color);
  const [lr, lg, lb] = [r, g, b].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
  return 1.05 / (luminance + 0.05);
}

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

describe("alphaColor", () => {
  it("keeps every α at 3:1 contrast or more on white (WCAG non-text contrast)", () => {
    for (let alpha = -1; alpha <= 2; alpha += 0.125) {
      expect(contrastOnWhite(alphaColor(alpha, -1, 2))).toBeGreaterThanOrEqual(3);
    }
  });

  it("gives the two endpoints clearly different hues", () => {
    const a = rgb(alphaColor(0, -1, 2));
    const b = rgb(alphaColor(1, -1, 2));
    expect(a.r).toBeGreaterThan(a.b);
    expect(b.b).toBeGreaterThan(b.r);
  });
});
