"use client";

import { useMemo } from "react";
import type { FrontierPoint } from "@/lib/contracts/types";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";

/**
 * The explorer's one α readout: estimators built once per slice, every metric evaluated once per
 * α. The slider, the plot's marker and the score panel all read this object.
 */
export function useAlphaReadout(points: readonly FrontierPoint[], alpha: number) {
  const estimators = useMemo(() => createMetricEstimators(points), [points]);
  return useMemo(() => readoutAt(estimators, alpha), [estimators, alpha]);
}
