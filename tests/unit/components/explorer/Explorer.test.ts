import { QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Explorer } from "@/components/explorer/Explorer";
import { experimentSource, frontierQuery } from "@/components/queries/queries";
import { makeQueryClient } from "@/components/queries/queryClient";
import type { FrontierData } from "@/lib/contracts/types";
import { getMetric } from "@/lib/science/metricRegistry";
import { makeFrontierFixture } from "../../charts/fixtures/frontierData";

/** Server-renders the explorer from data already in the query cache, as the page does. */
function render(data: FrontierData, search = ""): string {
  const client = makeQueryClient();
  client.setQueryData(frontierQuery(experimentSource(data.experiment.slug)).queryKey, data);
  return renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client },
      createElement(Explorer, { slug: data.experiment.slug, initialSearch: search }),
    ),
  );
}

function testIdText(html: string, id: string): string | undefined {
  return html.match(new RegExp(`data-testid="${id}"[^>]*>([^<]*)<`))?.[1];
}

describe("Explorer (server render)", () => {
  const data = makeFrontierFixture();

  it("renders the view of the link: α, slice and the measured scores of that checkpoint", () => {
    const html = render(data, "alpha=1.25&difficulty=hard");
    const point = data.slices.hard.points.find((p) => p.alpha === 1.25);
    expect(testIdText(html, "score-solveRate")).toBe(
      getMetric("solveRate").format(point?.metrics.solveRate.value ?? 0),
    );
    expect(testIdText(html, "score-status")).toBe("measured");
    expect(html).toContain('aria-valuenow="1.25"');
    expect(html).toContain('aria-valuetext="α = 1.25, extrapolation beyond B"');
    expect(html).toContain('data-testid="synthetic-banner"');
  });

  it("labels scores between evaluated α as estimates", () => {
    const html = render(data, "alpha=0.6");
    expect(testIdText(html, "score-status")).toBe("estimated — not evaluated");
    expect(html).toContain("frontier-marker--estimate");
  });

  it("shows notices for link values it cannot use", () => {
    const html = render(data, "alpha=5&y=nope");
    expect(html).toContain('data-testid="view-notices"');
    expect(html).toContain("Unknown y metric “nope”");
  });

  it("replaces the slider with an explanation when only one checkpoint is evaluated", () => {
    const html = render(makeFrontierFixture({ alphas: [0], synthetic: false }));
    expect(html).toContain('data-testid="single-checkpoint"');
    expect(html).not.toContain('role="slider"');
    expect(html).not.toContain('data-testid="synthetic-banner"');
    expect(testIdText(html, "score-status")).toBe("measured");
  });
});
