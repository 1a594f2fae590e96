import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExperimentTable } from "@/components/experiments/ExperimentTable";
import { NoExperiments } from "@/components/experiments/NoExperiments";
import type { ExperimentListItem } from "@/lib/contracts/types";

const experiment: ExperimentListItem = {
  slug: "demo-coverage-sweep",
  version: "fixture-version",
  name: "Low vs high test coverage (synthetic demo)",
  benchmark: "livecodebench-v5",
  setting: "tool-use",
  synthetic: true,
  alphaMin: -1,
  alphaMax: 2,
  checkpoints: 13,
  problems: 4200,
  updatedAt: "2026-05-28T14:03:00.000Z",
};

describe("experiment list", () => {
  it("shows each experiment's facts, a link to its explorer and the synthetic badge", () => {
    const html = renderToStaticMarkup(
      createElement(ExperimentTable, {
        experiments: [experiment, { ...experiment, slug: "real", synthetic: false }],
      }),
    );
    const rows = html.split('data-testid="experiment-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('href="/experiments/demo-coverage-sweep"');
    expect(rows[0]).toContain("badge--synthetic");
    expect(rows[0]).toContain("Tool use");
    expect(rows[0]).toContain("−1 … 2");
    expect(rows[0]).toContain("4,200");
    expect(rows[0]).toContain("28 May 2026, 14:03 UTC");
    expect(rows[1]).not.toContain("badge--synthetic");
  });

  it("points an empty database to the import page", () => {
    const html = renderToStaticMarkup(createElement(NoExperiments));
    expect(html).toContain("No experiments yet");
    expect(html).toContain('href="/import"');
  });
});
