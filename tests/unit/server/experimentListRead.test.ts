import { describe, expect, it } from "vitest";
import { isExperimentListRead } from "@/lib/server/experimentListRead";

describe("isExperimentListRead", () => {
  it("is a GET or HEAD of /api/experiments, with or without a query", () => {
    expect(isExperimentListRead("GET", "/api/experiments")).toBe(true);
    expect(isExperimentListRead("GET", "/api/experiments?limit=50&q=48")).toBe(true);
    expect(isExperimentListRead("HEAD", "/api/experiments?")).toBe(true);
  });

  it("is not a write, an experiment's own read, another spelling of the path or a page", () => {
    expect(isExperimentListRead("POST", "/api/experiments")).toBe(false);
    expect(isExperimentListRead("GET", "/api/experiments/demo")).toBe(false);
    expect(isExperimentListRead("GET", "/api/experiments/")).toBe(false);
    expect(isExperimentListRead("GET", "/api/Experiments")).toBe(false);
    expect(isExperimentListRead("GET", "/?q=api/experiments")).toBe(false);
  });
});
