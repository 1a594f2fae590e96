import { describe, expect, it } from "vitest";
import { completeExperiment } from "@/lib/import/experimentSpec";

describe("completeExperiment", () => {
  it("fills a bare slug with defaults, the benchmark following the first file's format", () => {
    expect(completeExperiment({ slug: "run-1" }, "lcb-eval-all")).toEqual({
      slug: "run-1",
      name: "run-1",
      description: "",
      benchmark: "livecodebench",
      setting: "pure-reasoning",
      modelFamily: null,
      modelScale: null,
      synthetic: false,
      endpointA: { label: "A", model: null },
      endpointB: { label: "B", model: null },
      study: null,
    });
    expect(completeExperiment({ slug: "x" }, "evalplus").benchmark).toBe("evalplus");
    expect(completeExperiment({ slug: "x" }, "human-eval").benchmark).toBe("humaneval");
    expect(completeExperiment({ slug: "x" }, "alphascope-csv").benchmark).toBe("custom");
  });

  it("keeps what the user or the manifest gave", () => {
    const experiment = completeExperiment(
      { slug: "s", name: "Sweep", benchmark: "lcb-v5", setting: "agentic" },
      "human-eval",
    );
    expect(experiment).toMatchObject({ name: "Sweep", benchmark: "lcb-v5", setting: "agentic" });
  });
});
