import { describe, expect, it } from "vitest";
import { alphaFromDirectoryName } from "@/lib/import/sweepDirectory";

describe("alphaFromDirectoryName", () => {
  it.each([
    ["alpha_-0.5", -0.5],
    ["alpha=-0.5", -0.5],
    ["alpha_0", 0],
    ["ALPHA=1.25", 1.25],
    ["alpha_+2", 2],
    ["alpha_.5", 0.5],
    ["alpha_1e-3", 0.001],
  ])("reads α from %s", (name, alpha) => {
    expect(alphaFromDirectoryName(name)).toBe(alpha);
  });

  it.each([
    "alpha",
    "alpha_",
    "alpha-0.5",
    "alpha_x",
    "alpha_0.5_rerun",
    "run_alpha_0",
    "alpha_1e999",
    "alpha_0x10",
  ])("refuses %s", (name) => {
    expect(alphaFromDirectoryName(name)).toBeNull();
  });
});
