import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { FrontierData, FrontierInterval, FrontierPoint } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { formatAlpha } from "../../lib/domain/alpha";
import { getMetric, METRICS, type MetricDefinition } from "../../lib/science/metricRegistry";
import { formatDelta } from "../../lib/views/alphaScores";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
let frontier: FrontierData;
const page = (): Page => session.page;

/** A change as the panel shows it: signed value, then its interval's two signed bounds. */
interface ShownDelta {
  tone: string;
  value: string;
  bounds: string[];
}

/** The API's frontier once the worker has computed its intervals (bounds and pNonDominated). */
function readyFrontier(): Promise<FrontierData> {
  return vi.waitFor(
    async () => {
      const response = await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`);
      const data = (await response.json()) as FrontierData;
      if (data.status !== "ready") throw new Error("the worker is still computing the intervals");
      return data;
    },
    { timeout: 240_000, interval: 500 },
  );
}

async function openExplorer(query: string): Promise<void> {
  await page().goto(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}?${query}`);
  await page().locator('.explorer[data-hydrated="true"]').waitFor();
}

async function shownDelta(testId: string): Promise<ShownDelta> {
  return page()
    .getByTestId(testId)
    .evaluate((node) => {
      const interval = node.querySelector(".delta-interval");
      const full = node.textContent ?? "";
      return {
        tone: Array.from(node.classList).find((c) => c.startsWith("delta--")) ?? "",
        value: interval ? full.slice(0, full.length - (interval.textContent ?? "").length) : full,
        bounds: Array.from(node.querySelectorAll(".delta-bound"), (b) =>
          (b.textContent ?? "").replace(" –", ""),
        ),
      };
    });
}

/** What the panel should show for a change: the API's numbers, coloured only if 0 is outside the interval. */
function expectedDelta(metric: MetricDefinition, delta: FrontierInterval): ShownDelta {
  const { value, lower, upper } = delta;
  if (lower === null || upper === null) throw new Error(`${metric.id}: no interval`);
  const excludesZero = lower > 0 || upper < 0;
  const improves = value > 0 === (metric.direction === "higher");
  return {
    tone: excludesZero ? (improves ? "delta--better" : "delta--worse") : "delta--same",
    value: formatDelta(metric, value),
    bounds: [formatDelta(metric, lower), formatDelta(metric, upper)],
  };
}

function pointAt(points: readonly FrontierPoint[], alpha: number): FrontierPoint {
  const point = points.find((p) => p.alpha === alpha);
  if (!point) throw new Error(`α = ${alpha} is not evaluated`);
  return point;
}

beforeAll(async () => {
  session = await openBrowser();
  frontier = await readyFrontier();
}, 240_000); // The worker may still be computing the demo statistics on a busy machine.

afterAll(async () => {
  await session?.close();
});

describe("the explorer shows the uncertainty of every number", () => {
  it("shows each Δ vs A and Δ vs B with the API's paired interval, coloured only when it excludes 0", async () => {
    const points = frontier.slices.all.points;
    const changes = (point: FrontierPoint) =>
      METRICS.flatMap((metric) =>
        (["deltaA", "deltaB"] as const).flatMap((side) => {
          const delta = point.metrics[metric.id]?.[side];
          return delta ? [{ metric, side, delta }] : [];
        }),
      );
    const straddles = (d: FrontierInterval) =>
      d.lower !== null && d.upper !== null && d.lower < 0 && d.upper > 0;
    const excludes = (d: FrontierInterval) =>
      d.lower !== null && d.upper !== null && (d.lower > 0 || d.upper < 0);
    // An evaluated α between the endpoints where some change is significant and another is not.
    const point = points.find(
      (p) =>
        p.alpha > 0 &&
        p.alpha < 1 &&
        changes(p).some(({ delta }) => excludes(delta)) &&
        changes(p).some(({ delta }) => straddles(delta)),
    );
    if (!point) throw new Error("no evaluated α has both a significant and a non-significant change");

    await openExplorer(`difficulty=all&alpha=${point.alpha}`);
    expect(await page().getByTestId("score-status").textContent()).toBe("measured");
    const checked = changes(point);
    expect(checked.length).toBeGreaterThan(2);
    for (const { metric, side, delta } of checked) {
      const testId = `${side === "deltaA" ? "delta-a" : "delta-b"}-${metric.id}`;
      expect(await shownDelta(testId), `${testId} at α = ${point.alpha}`).toEqual(
        expectedDelta(metric, delta),
      );
    }
    const tones = await page()
      .locator(".score-table .delta")
      .evaluateAll((nodes) => nodes.map((n) => n.className));
    expect(tones.some((tone) => /delta--(better|worse)/.test(tone))).toBe(true);
    expect(tones.some((tone) => tone.includes("delta--same"))).toBe(true);
  });

  it("encodes each checkpoint's P(non-dominated) in its marker's fill, and the legend says so", async () => {
    // The easy slice: on the hard one every checkpoint that competes is non-dominated in all resamples.
    await openExplorer("difficulty=easy&alpha=0");
    const points = frontier.slices.easy.points;
    const shown = await page()
      .locator(".frontier-point")
      .evaluateAll((nodes) =>
        nodes.map((node) => {
          const dot = node.querySelector(".frontier-point-dot");
          return {
            alpha: Number(node.getAttribute("data-alpha")),
            label: node.getAttribute("aria-label") ?? "",
            fillOpacity: Number(dot?.getAttribute("fill-opacity")),
            data: dot?.getAttribute("data-p-non-dominated") ?? null,
          };
        }),
      );
    expect(shown.map((p) => p.alpha).sort((a, b) => a - b)).toEqual(
      points.map((p) => p.alpha).sort((a, b) => a - b),
    );
    // Not a constant: the share tells checkpoints apart, and the collapsed ones do not compete.
    const shares = points.flatMap((p) => (p.pNonDominated === null ? [] : [p.pNonDominated]));
    expect(shares.some((share) => share > 0 && share < 1)).toBe(true);
    expect(new Set(shares).size).toBeGreaterThan(1);
    for (const marker of shown) {
      const { pNonDominated, collapsed } = pointAt(points, marker.alpha);
      if (collapsed) expect(pNonDominated).toBeNull();
      if (pNonDominated === null) {
        expect(marker.fillOpacity).toBe(1);
        expect(marker.data).toBeNull();
        expect(marker.label).not.toContain("resamples");
      } else {
        expect(marker.fillOpacity, `α = ${marker.alpha}`).toBeCloseTo(pNonDominated, 10);
        expect(Number(marker.data)).toBeCloseTo(pNonDominated, 10);
        expect(marker.label).toContain(`non-dominated in ${Math.round(pNonDominated * 100)}% of resamples`);
      }
    }
    expect(await page().getByTestId("legend-p-non-dominated").textContent()).toContain(
      "fill: share of bootstrap resamples in which the point is non-dominated",
    );
  });

  it("shows an estimate next to a collapsed α with its interval, marked unreliable", async () => {
    const points = frontier.slices.hard.points;
    const alphas = points.map((p) => p.alpha).sort((a, b) => a - b);
    const collapsedAlpha = 2;
    expect(pointAt(points, collapsedAlpha).collapsed).toBe(true);
    const below = alphas[alphas.indexOf(collapsedAlpha) - 1];
    expect(pointAt(points, below).collapsed).toBe(false);
    const alpha = 1.9;
    expect(below).toBeLessThan(alpha);

    await openExplorer(`difficulty=hard&alpha=${alpha}`);
    expect(await page().getByTestId("score-status").textContent()).toBe("estimated — not evaluated");
    expect(await page().getByTestId("score-collapsed").textContent()).toBe(
      `next to collapsed α = ${formatAlpha(collapsedAlpha)}`,
    );
    const neighbours = [pointAt(points, below), pointAt(points, collapsedAlpha)];
    for (const id of ["solveRate", "correctness", "efficiency"] as const) {
      const metric = getMetric(id);
      const row = page().getByTestId(`score-${id}`).locator("xpath=..");
      expect(await row.getByTestId(`unreliable-${id}`).textContent()).toBe(
        "unreliable: next to a collapsed α",
      );
      // The interval of an estimate spans both neighbours' 97.5% bounds (docs/science.md).
      const knots = neighbours.map((p) => p.metrics[id]);
      const lower = Math.min(...knots.map((k) => k.lowerJoint ?? Number.NaN));
      const upper = Math.max(...knots.map((k) => k.upperJoint ?? Number.NaN));
      expect(await row.locator(".score-interval").first().textContent(), id).toBe(
        `${metric.format(lower)} – ${metric.format(upper)}`,
      );
      // So does its change against B.
      const deltas = neighbours.map((p) => p.metrics[id].deltaB);
      const deltaLower = Math.min(...deltas.map((d) => d?.lowerJoint ?? Number.NaN));
      const deltaUpper = Math.max(...deltas.map((d) => d?.upperJoint ?? Number.NaN));
      expect((await shownDelta(`delta-b-${id}`)).bounds, id).toEqual([
        formatDelta(metric, deltaLower),
        formatDelta(metric, deltaUpper),
      ]);
    }

    // An estimate between two α that did not collapse carries no such mark.
    const between = (below + alphas[alphas.indexOf(below) - 1]) / 2;
    await openExplorer(`difficulty=hard&alpha=${between}`);
    expect(await page().getByTestId("score-status").textContent()).toBe("estimated — not evaluated");
    expect(await page().getByTestId("score-collapsed").count()).toBe(0);
    expect(await page().locator(".badge--unreliable").count()).toBe(0);
  });
});
