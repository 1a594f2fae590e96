import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ExperimentTable, type TableSort } from "@/components/experiments/ExperimentTable";
import { NoExperiments } from "@/components/experiments/NoExperiments";
import type { ExperimentPageItem } from "@/lib/contracts/experimentListQuery";

const experiment: ExperimentPageItem = {
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
  modelScale: "7B",
  modelFamily: "qwen",
  thumbnail: {
    version: "fixture-version",
    axes: { x: "correctness", y: "efficiency" },
    points: [
      { alpha: -1, x: 0.5, y: 0.6, solveRate: 0.1, collapsed: true },
      { alpha: 0, x: 0.6, y: 0.7, solveRate: 0.3, collapsed: false },
      { alpha: 0.5, x: 0.7, y: 0.65, solveRate: 0.412, collapsed: false },
      { alpha: 1, x: 0.65, y: 0.8, solveRate: 0.35, collapsed: false },
    ],
    best: { alpha: 0.5, solveRate: 0.412 },
  },
};

const sorting: TableSort = { sort: "name", order: "desc", onSort: () => {} };

function render(experiments: ExperimentPageItem[]): string {
  return renderToStaticMarkup(
    createElement(ExperimentTable, { experiments, sorting, selected: [], onSelect: () => {} }),
  );
}

describe("experiment list", () => {
  it("shows each experiment's facts, a link to its explorer and the synthetic badge", () => {
    const html = render([experiment, { ...experiment, slug: "real", synthetic: false }]);
    const rows = html.split('data-testid="experiment-row"').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('href="/experiments/demo-coverage-sweep"');
    expect(rows[0]).toContain("badge--synthetic");
    expect(rows[0]).toContain("Tool use");
    expect(rows[0]).toContain("−1 … 2");
    expect(rows[0]).toContain("4,200");
    expect(rows[0]).toContain("28 May 2026, 14:03 UTC");
    expect(rows[0]).toContain(">7B<");
    expect(rows[1]).not.toContain("badge--synthetic");
  });

  it("draws the thumbnail with the best solve rate beside it, and 'computing…' until it is stored", () => {
    const html = render([experiment, { ...experiment, slug: "new", thumbnail: null }]);
    const [ready, computing] = html.split('data-testid="experiment-row"').slice(1);
    expect(ready).toContain('data-testid="frontier-thumbnail"');
    expect(ready).toContain("41.2% at α = 0.5");
    // Extrapolation dashed, interpolation solid, the collapsed α crossed; each α's values on hover come
    // with hydration (tests/e2e/home.test.ts reads them): the server's HTML leaves the titles out.
    expect(ready).toContain("alpha-path--extrapolationA");
    expect(ready).toContain("alpha-path--interpolation");
    expect(ready).toContain("frontier-point-collapsed");
    expect(ready).not.toContain("<title>");
    expect(computing).not.toContain("frontier-thumbnail");
    expect(computing.match(/computing…/g)).toHaveLength(2);
  });

  it("marks the sorted column with aria-sort and makes every sortable header a button", () => {
    const html = render([experiment]);
    expect(html).toMatch(/<th scope="col" aria-sort="descending" data-sort-column="name">/);
    expect(html.match(/aria-sort=/g)).toHaveLength(1);
    expect(html.match(/class="sort-button"/g)).toHaveLength(6);
  });

  it("renders a first screen of a page's rows, numbered for assistive technology, a hidden spacer for the rest", () => {
    const page = Array.from({ length: 50 }, (_, i) => ({ ...experiment, slug: `e-${i}` }));
    const html = render(page);
    expect(html).toContain('aria-rowcount="51"');
    const rows = [
      ...html.matchAll(
        /<tr data-index="(\d+)" aria-rowindex="(\d+)" data-testid="experiment-row" data-slug="([^"]+)"/g,
      ),
    ];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(25);
    rows.forEach(([, index, rowIndex, slug], i) => {
      expect([Number(rowIndex), Number(index), slug]).toEqual([i + 2, i, `e-${i}`]);
    });
    expect(html.match(/class="table-spacer"/g)).toHaveLength(1);
    expect(html).toMatch(
      /<tr class="table-spacer" aria-hidden="true"><td colspan="12" style="height:\d+px"><\/td><\/tr><\/tbody>/i,
    );
  });

  it("points an empty database to the import page", () => {
    const html = renderToStaticMarkup(createElement(NoExperiments));
    expect(html).toContain("No experiments yet");
    expect(html).toContain('href="/import"');
  });
});
