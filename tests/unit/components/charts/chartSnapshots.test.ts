import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CompositionSvg } from "@/components/explorer/composition/CompositionChart";
import { MultiplesSvg } from "@/components/explorer/multiples/MultiplePanel";
import { FrontierSvg } from "@/components/frontier/FrontierSvg";
import { layoutFrontier } from "@/lib/charts/frontierLayout";
import { DIFFICULTY_SLICES } from "@/lib/domain/difficulty";
import { getMetric } from "@/lib/science/metricRegistry";
import { makeFrontierFixture } from "../../charts/fixtures/frontierData";

const data = makeFrontierFixture();

/** One element per line, so a changed chart shows up as a readable `git diff`. */
function pretty(markup: string): string {
  return `${markup.replace(/></g, ">\n<")}\n`;
}

function frontierMarkup(options: { xLog?: boolean; ci?: boolean; slice?: "all" | "hard" } = {}) {
  const x = getMetric(options.xLog ? "meanPassRuntimeMs" : "correctness");
  const y = getMetric("efficiency");
  const layout = layoutFrontier({
    points: data.slices[options.slice ?? "all"].points,
    x,
    y,
    xLog: options.xLog ?? false,
    yLog: false,
    ci: options.ci ?? true,
    includeCollapsed: false,
    zoom: null,
    width: 720,
    height: 440,
  });
  return renderToStaticMarkup(
    createElement(FrontierSvg, {
      layout,
      x,
      y,
      endpointLabels: { a: "low coverage", b: "high coverage" },
      marker: { cx: layout.points[7].cx + 10, cy: layout.points[7].cy - 5, measured: false },
      selectedAlpha: 0.75,
      clipId: "frontier-clip",
    }),
  );
}

describe("chart SVG snapshots (seeded fixture)", () => {
  it("frontier plot, all problems, intervals on, estimated marker", async () => {
    await expect(pretty(frontierMarkup())).toMatchFileSnapshot("../../../__snapshots__/frontier-all.svg");
  });

  it("frontier plot, hard problems, runtime on a log x axis, no intervals", async () => {
    await expect(pretty(frontierMarkup({ slice: "hard", xLog: true, ci: false }))).toMatchFileSnapshot(
      "../../../__snapshots__/frontier-hard-log.svg",
    );
  });

  it("failure composition with the rule at α = 1.25", async () => {
    const markup = renderToStaticMarkup(
      createElement(CompositionSvg, { points: data.slices.all.points, width: 720, alpha: 1.25 }),
    );
    await expect(pretty(markup)).toMatchFileSnapshot("../../../__snapshots__/composition-all.svg");
  });

  it("solve rate against α for every slice, hard highlighted", async () => {
    const series = DIFFICULTY_SLICES.map((slice) => ({ slice, points: data.slices[slice].points }));
    const markup = renderToStaticMarkup(
      createElement(MultiplesSvg, {
        metric: getMetric("solveRate"),
        series,
        alpha: 0.5,
        selected: "hard",
        width: 360,
      }),
    );
    await expect(pretty(markup)).toMatchFileSnapshot("../../../__snapshots__/multiples-solve-rate.svg");
  });

  it("marks every Pareto point and the endpoints in the frontier markup", () => {
    const markup = frontierMarkup();
    expect(markup).toContain("A · low coverage");
    expect(markup).toContain("B · high coverage");
    expect(markup.match(/frontier-point--pareto/g)?.length).toBeGreaterThan(0);
    expect(markup).toContain("frontier-marker--estimate");
    expect(markup).toContain("alpha-path--interpolation");
    expect(markup).toContain("alpha-path--extrapolationA");
  });
});
