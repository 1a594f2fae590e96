"use client";

import { useCallback, useMemo } from "react";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { getMetric, isMetricId, METRICS } from "@/lib/science/metricRegistry";
import type { HistoryMode, UpdateView } from "@/lib/views/urlView";
import { type ExplorerView, roundZoom, type ViewContext, type Zoom } from "@/lib/views/viewState";

/** The parts of a view a frontier plot shows: the explorer's and the comparison's alike. */
export type FrontierPlotView = Pick<
  ExplorerView,
  "x" | "y" | "xLog" | "yLog" | "ci" | "includeCollapsed" | "zoom" | "difficulty"
>;

/** What the axis controls change. */
export type AxesChange = Partial<Pick<FrontierPlotView, "x" | "y" | "xLog" | "yLog" | "ci">>;

/**
 * The metrics and handlers of a page with a frontier plot (the explorer, the comparison): the
 * metric choices in registry order, the plotted metrics, and the view changes its α slider,
 * points, zoom, difficulty filter and axis controls make, each with its history policy.
 */
export function useFrontierView(
  view: FrontierPlotView,
  metrics: ViewContext["metrics"],
  updateView: UpdateView<FrontierPlotView & { alpha: number }>,
) {
  const metricChoices = useMemo(
    () => METRICS.filter((metric) => metrics.some((choice) => choice.id === metric.id)),
    [metrics],
  );
  const onAlpha = useCallback(
    (alpha: number, mode: HistoryMode) => updateView({ alpha }, mode),
    [updateView],
  );
  const onSelectAlpha = useCallback((alpha: number) => updateView({ alpha }, "push"), [updateView]);
  const onZoom = useCallback(
    (zoom: Zoom | null, mode: HistoryMode) => updateView({ zoom: roundZoom(zoom) }, mode),
    [updateView],
  );
  const onDifficulty = useCallback(
    (difficulty: DifficultySlice) => updateView({ difficulty }, "push"),
    [updateView],
  );
  const onIncludeCollapsed = useCallback(
    (includeCollapsed: boolean) => updateView({ includeCollapsed }, "push"),
    [updateView],
  );
  const onAxes = useCallback(
    (change: AxesChange) =>
      // A zoom window is in the old metric's units: a new metric starts unzoomed.
      updateView(change.x || change.y ? { ...change, zoom: null } : change, "push"),
    [updateView],
  );
  return {
    metricChoices,
    x: getMetric(isMetricId(view.x) ? view.x : "correctness"),
    y: getMetric(isMetricId(view.y) ? view.y : "efficiency"),
    onAlpha,
    onSelectAlpha,
    onZoom,
    onDifficulty,
    onIncludeCollapsed,
    onAxes,
  };
}

/**
 * The plotted view without α: the same object while only α changes, so the plots memoized on it do
 * not re-render their static layers on every slider move.
 */
export function useFrontierPlotView(view: FrontierPlotView): FrontierPlotView {
  const { x, y, xLog, yLog, ci, includeCollapsed, zoom, difficulty } = view;
  return useMemo(
    () => ({ x, y, xLog, yLog, ci, includeCollapsed, zoom, difficulty }),
    [x, y, xLog, yLog, ci, includeCollapsed, zoom, difficulty],
  );
}
