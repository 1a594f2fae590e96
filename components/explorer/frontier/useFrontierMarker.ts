"use client";

import { useMemo } from "react";
import { px } from "@/lib/charts/frame";
import type { FrontierLayout } from "@/lib/charts/frontierLayout";
import { createPointEstimator } from "@/lib/science/estimate";
import type { FrontierMarker } from "./FrontierSvg";

/**
 * Where the slider's α sits on the plot: the measured point at an evaluated α, an estimate along
 * the path in between, none outside the evaluated range. The estimator is built once per layout;
 * a drag frame only evaluates it and two scales.
 */
export function useFrontierMarker(
  layout: FrontierLayout,
  metrics: { x: string; y: string },
  alpha: number,
): FrontierMarker | null {
  const { x, y } = metrics;
  const estimator = useMemo(
    () =>
      createPointEstimator(
        layout.points.map((p) => ({
          alpha: p.point.alpha,
          x: p.point.metrics[x].value,
          y: p.point.metrics[y].value,
        })),
        "monotone",
      ),
    [layout, x, y],
  );
  const position = layout.points.length > 0 ? estimator(alpha) : null;
  if (!position) return null;
  return {
    cx: px(layout.xScale(position.x)),
    cy: px(layout.yScale(position.y)),
    measured: position.measured,
  };
}
