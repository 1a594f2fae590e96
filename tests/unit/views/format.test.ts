import { describe, expect, it } from "vitest";
import {
  ellipsize,
  formatAlphaRange,
  formatCount,
  formatPercent,
  formatPoints,
  formatTimestamp,
} from "@/lib/views/format";

describe("list formatting", () => {
  it("prints timestamps in UTC with a fixed locale", () => {
    expect(formatTimestamp("2026-05-28T23:59:00.000Z")).toBe("28 May 2026, 23:59 UTC");
    expect(formatTimestamp("not a date")).toBe("—");
  });

  it("prints α ranges with typographic minus signs", () => {
    expect(formatAlphaRange(-1, 2)).toBe("−1 … 2");
    expect(formatAlphaRange(0.5, 0.5)).toBe("0.5");
    expect(formatAlphaRange(null, null)).toBe("—");
  });

  it("groups thousands", () => {
    expect(formatCount(1397760)).toBe("1,397,760");
  });
});

describe("ellipsize", () => {
  it("keeps a text that fits and cuts a longer one to the limit, ellipsis included", () => {
    expect(ellipsize("low coverage", 12)).toBe("low coverage");
    expect(ellipsize("x".repeat(1000), 36)).toBe(`${"x".repeat(35)}…`);
  });

  it("never cuts inside a character outside the Basic Multilingual Plane", () => {
    expect(ellipsize("𝔸𝔹ℂ𝔻", 3)).toBe("𝔸𝔹…");
  });
});

describe("formatPercent and formatPoints", () => {
  it("write a share with one decimal and a difference in signed points with a real minus", () => {
    expect(formatPercent(0.8241)).toBe("82.4%");
    expect(formatPercent(Number.NaN)).toBe("—");
    expect(formatPoints(0.032)).toBe("+3.2");
    expect(formatPoints(-0.004)).toBe("−0.4");
    expect(formatPoints(-0.0004)).toBe("0.0");
    expect(formatPoints(Number.POSITIVE_INFINITY)).toBe("—");
  });
});
