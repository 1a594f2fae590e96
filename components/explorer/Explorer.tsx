"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ExportSourceProvider } from "@/components/charts/ExportContext";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { PresentationButton } from "@/components/common/PresentationButton";
import { ViewNotices } from "@/components/common/ViewNotices";
import { SharingControls } from "@/components/sharing/SharingControls";
import { useApiSource } from "@/lib/client/apiSource";
import { viewContextOf } from "@/lib/client/explorerContext";
import { explorerDocumentTitle, TITLE_SUFFIX } from "@/lib/client/previewText";
import { frontierQuery } from "@/lib/client/queries";
import type { HistoryMode } from "@/lib/client/urlView";
import { usePresentation } from "@/lib/client/usePresentation";
import { useUrlView } from "@/lib/client/useUrlView";
import { type ExplorerView, explorerViewDefinition, roundZoom, type Zoom } from "@/lib/client/viewState";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { getMetric, isMetricId, METRICS } from "@/lib/science/metricRegistry";
import { AlphaSlider } from "./AlphaSlider";
import { AxisControls } from "./AxisControls";
import { CompositionChart } from "./composition/CompositionChart";
import { DifficultyFilter } from "./DifficultyFilter";
import { ExplorerHeader } from "./ExplorerHeader";
import { FrontierPlot } from "./frontier/FrontierPlot";
import { MergekitPanel } from "./MergekitPanel";
import { MetricMultiples } from "./multiples/MetricMultiples";
import { ScalingLink } from "./ScalingLink";
import { ScorePanel } from "./ScorePanel";
import { SingleCheckpointNote } from "./SingleCheckpointNote";
import { useAlphaReadout } from "./useAlphaReadout";
import { useExplorerShortcuts } from "./useExplorerShortcuts";

interface ExplorerProps {
  slug: string;
  /** The query string the page was opened with, so server and browser render the same view. */
  initialSearch: string;
}

/** The frontier explorer, fed by data the server prefetched into the query cache. */
export function Explorer({ slug, initialSearch }: ExplorerProps) {
  const { data } = useSuspenseQuery(frontierQuery(useApiSource(slug)));
  const context = useMemo(() => viewContextOf(data), [data]);
  const metricChoices = useMemo(
    () => METRICS.filter((metric) => context.metrics.some((choice) => choice.id === metric.id)),
    [context],
  );
  const { view, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    explorerViewDefinition,
    context,
    initialSearch,
  );
  const points = data.slices[view.difficulty].points;
  const readout = useAlphaReadout(points, view.alpha);
  const collapsedAlphas = useMemo(() => points.filter((p) => p.collapsed).map((p) => p.alpha), [points]);
  const x = getMetric(isMetricId(view.x) ? view.x : "correctness");
  const y = getMetric(isMetricId(view.y) ? view.y : "efficiency");
  const { a, b } = data.experiment.endpoints;
  const exportSource = useMemo(
    () => ({
      slug,
      experiment: data.experiment.name,
      version: data.version,
      updatedAt: data.experiment.updatedAt,
      difficulty: view.difficulty,
    }),
    [slug, data, view.difficulty],
  );
  // Marks the page interactive once React has hydrated it (tests and benchmarks wait for this).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => {
    setHydrated(true);
    performance.mark("alphascope:explorer-interactive");
  }, []);

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
  const setPresent = useCallback((present: boolean) => updateView({ present }, "push"), [updateView]);
  const presentation = usePresentation(view.present, setPresent);
  useExplorerShortcuts(view, context.alphas, context.slices, updateView);
  const onAxes = useCallback(
    (change: Partial<ExplorerView>) =>
      // A zoom window is in the old metric's units: a new metric starts unzoomed.
      updateView(change.x || change.y ? { ...change, zoom: null } : change, "push"),
    [updateView],
  );

  return (
    <ExportSourceProvider source={exportSource}>
      <div
        className={`explorer${view.present ? " presentation" : ""}`}
        data-hydrated={hydrated ? "true" : undefined}
      >
        <title>{`${explorerDocumentTitle(data.experiment.name, readout.alpha)}${TITLE_SUFFIX}`}</title>
        <ExplorerHeader experiment={data.experiment} />
        <ScalingLink
          slug={slug}
          alphas={context.alphas}
          slices={context.slices}
          alpha={readout.alpha}
          difficulty={view.difficulty}
        />
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        <div className="explorer-toolbar">
          <DifficultyFilter slices={data.slices} value={view.difficulty} onChange={onDifficulty} />
          {data.status === "computing" ? (
            <p className="muted" role="status" data-testid="intervals-computing">
              95% intervals are being computed; they appear here when ready.
            </p>
          ) : null}
          <div className="toolbar-actions">
            <PresentationButton
              present={view.present}
              onEnter={presentation.enter}
              onLeave={presentation.leave}
            />
            <CopyLinkButton url={shareUrl} />
            <SharingControls slug={slug} page="explorer" shareUrl={shareUrl} initialSearch={initialSearch} />
          </div>
        </div>
        <div className="explorer-main">
          <section className="panel explorer-plot" aria-labelledby="frontier-title">
            <div className="panel-head">
              <h2 id="frontier-title">Correctness–efficiency frontier</h2>
              <AxisControls
                metrics={metricChoices}
                x={view.x}
                y={view.y}
                xLog={view.xLog}
                yLog={view.yLog}
                ci={view.ci}
                onChange={onAxes}
              />
            </div>
            <FrontierPlot
              points={points}
              x={x}
              y={y}
              xLog={view.xLog}
              yLog={view.yLog}
              ci={view.ci}
              includeCollapsed={view.includeCollapsed}
              zoom={view.zoom}
              readout={readout}
              endpointLabels={{ a: a.label, b: b.label }}
              onSelectAlpha={onSelectAlpha}
              onZoom={onZoom}
              onIncludeCollapsed={onIncludeCollapsed}
              present={view.present}
            />
          </section>
          <aside className="explorer-side">
            <section className="panel no-print" aria-label="Choose α">
              {context.alphas.length > 1 ? (
                <AlphaSlider alpha={readout.alpha} evaluated={context.alphas} onChange={onAlpha} />
              ) : (
                <SingleCheckpointNote alpha={context.alphas[0]} />
              )}
            </section>
            <ScorePanel readout={readout} collapsedAlphas={collapsedAlphas} headlineOnly={view.present} />
            {view.present ? null : (
              <div className="no-print">
                <MergekitPanel data={data} alpha={readout.alpha} difficulty={view.difficulty} />
              </div>
            )}
          </aside>
        </div>
        {view.present ? null : (
          <div className="explorer-row">
            <CompositionChart points={points} alpha={readout.alpha} />
            <MetricMultiples slices={data.slices} alpha={readout.alpha} selected={view.difficulty} />
          </div>
        )}
      </div>
    </ExportSourceProvider>
  );
}
