import { QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { Explorer } from "@/components/explorer/Explorer";
import { experimentSource, frontierQuery } from "@/components/queries/queries";
import { makeQueryClient } from "@/components/queries/queryClient";
import { makeFrontierFixture } from "../../charts/fixtures/frontierData";

/** Every estimator the explorer builds, with the α it was asked about. */
const estimators: { kind: "metric" | "point"; alphas: number[] }[] = [];

vi.mock("@/lib/science/estimate", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/science/estimate")>();
  function recorded<A extends unknown[], R>(
    kind: "metric" | "point",
    create: (...args: A) => (alpha: number) => R,
  ) {
    return (...args: A) => {
      const estimate = create(...args);
      const record = { kind, alphas: [] as number[] };
      estimators.push(record);
      return (alpha: number) => {
        record.alphas.push(alpha);
        return estimate(alpha);
      };
    };
  }
  return {
    ...original,
    createEstimator: recorded("metric", original.createEstimator),
    createPointEstimator: recorded("point", original.createPointEstimator),
  };
});

beforeEach(() => {
  estimators.length = 0;
});

function renderAt(search: string): string {
  const data = makeFrontierFixture();
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

describe("the explorer's α readout", () => {
  it("estimates every metric once per frame: the marker and the score panel share the estimates", () => {
    const html = renderAt("alpha=0.6");
    // The frame drew both: an estimated marker on the plot and estimated scores in the panel.
    expect(html).toContain("frontier-marker--estimate");
    expect(html).toContain("estimated — not evaluated");
    // One estimator per metric in the panel, each asked about α once.
    const metricsShown = html.split('class="score-value"').length - 1;
    expect(metricsShown).toBeGreaterThan(3);
    expect(estimators).toHaveLength(metricsShown);
    expect(estimators.every((estimator) => estimator.kind === "metric")).toBe(true);
    for (const estimator of estimators)
      expect(estimator.alphas.filter((alpha) => alpha === 0.6)).toHaveLength(1);
  });
});
