"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { usePresentation } from "@/components/browser/usePresentation";
import { useUrlView } from "@/components/browser/useUrlView";
import { ExportSourceProvider } from "@/components/charts/ExportContext";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { PresentationButton } from "@/components/common/PresentationButton";
import { ViewNotices } from "@/components/common/ViewNotices";
import { useApiSource, useHasClaims } from "@/components/queries/apiSource";
import { frontierQuery } from "@/components/queries/queries";
import { SharingControls } from "@/components/sharing/SharingControls";
import type { TrainedPoint } from "@/lib/contracts/types";
import { clusterNote } from "@/lib/views/clusterNote";
import { viewContextOf } from "@/lib/views/explorerContext";
import { explorerDocumentTitle, TITLE_SUFFIX } from "@/lib/views/previewText";
import { explorerViewDefinition } from "@/lib/views/viewState";
import { AlphaSlider } from "../frontier/AlphaSlider";
import { DifficultyFilter } from "../frontier/DifficultyFilter";
import { FrontierPanel } from "../frontier/FrontierPanel";
import { FrontierPlot } from "../frontier/FrontierPlot";
import { useDragDeferred } from "../frontier/useDragDeferred";
import { useFrontierPlotView, useFrontierView } from "../frontier/useFrontierView";
import { ClaimCards } from "./ClaimCards";
import { CompositionChart } from "./composition/CompositionChart";
import { ExplorerHeader } from "./ExplorerHeader";
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
/** A view pinned before trained checkpoints existed has none (one constant: memoized plots see no change). */
const NO_TRAINED: readonly TrainedPoint[] = [];

export function Explorer({ slug, initialSearch }: ExplorerProps) {
  const source = useApiSource(slug);
  const { data } = useSuspenseQuery(frontierQuery(source));
  const hasClaims = useHasClaims();
  const context = useMemo(() => viewContextOf(data), [data]);
  const { view, recordedView, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    explorerViewDefinition,
    context,
    initialSearch,
  );
  const points = data.slices[view.difficulty].points;
  const trained = data.slices[view.difficulty].trained ?? NO_TRAINED;
  const readout = useAlphaReadout(points, view.alpha);
  // The slider and the plot's marker follow the pointer; the panels follow a drag deferred.
  const settled = useDragDeferred(readout, view.alpha !== recordedView.alpha);
  const collapsedAlphas = useMemo(() => points.filter((p) => p.collapsed).map((p) => p.alpha), [points]);
  const { metricChoices, x, y, onAlpha, onSelectAlpha, onZoom, onDifficulty, onIncludeCollapsed, onAxes } =
    useFrontierView(view, context.metrics, updateView);
  const plotView = useFrontierPlotView(view);
  const { a, b } = data.experiment.endpoints;
  // Stable, so the plot's memoized layers keep their props while α is dragged.
  const endpointLabels = useMemo(() => ({ a: a.label, b: b.label }), [a.label, b.label]);
  const claimAxes = useMemo(() => ({ x: x.id, y: y.id }), [x.id, y.id]);
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

  const setPresent = useCallback((present: boolean) => updateView({ present }, "push"), [updateView]);
  const presentation = usePresentation(view.present, setPresent);
  useExplorerShortcuts(view, context.alphas, context.slices, updateView);

  return (
    <ExportSourceProvider source={exportSource}>
      <div
        className={`explorer${view.present ? " presentation" : ""}`}
        data-hydrated={hydrated ? "true" : undefined}
      >
        <title>{`${explorerDocumentTitle(data.experiment.name, recordedView.alpha)}${TITLE_SUFFIX}`}</title>
        <ExplorerHeader experiment={data.experiment} />
        <ScalingLink
          slug={slug}
          alphas={context.alphas}
          slices={context.slices}
          alpha={settled.alpha}
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
          {/* Before the plot, so Tab reaches the slider before the plot's points. */}
          <section className="panel no-print explorer-alpha" aria-label="Choose α">
            {context.alphas.length > 1 ? (
              <AlphaSlider alpha={readout.alpha} evaluated={context.alphas} onChange={onAlpha} />
            ) : (
              <SingleCheckpointNote alpha={context.alphas[0]} />
            )}
          </section>
          <FrontierPanel
            id="frontier-title"
            title="Correctness–efficiency frontier"
            metrics={metricChoices}
            view={plotView}
            onAxes={onAxes}
          >
            <FrontierPlot
              points={points}
              trained={trained}
              x={x}
              y={y}
              view={plotView}
              readout={readout}
              settledAlpha={settled.alpha}
              endpointLabels={endpointLabels}
              onSelectAlpha={onSelectAlpha}
              onZoom={onZoom}
              onIncludeCollapsed={onIncludeCollapsed}
              present={view.present}
            />
            {data.bootstrap.cluster ? (
              <p className="chart-note" data-testid="cluster-note">
                {clusterNote(data.bootstrap.cluster)} <Link href="/glossary#comparisons">What is this?</Link>
              </p>
            ) : null}
          </FrontierPanel>
          <aside className="explorer-side">
            <ScorePanel
              readout={settled}
              collapsedAlphas={collapsedAlphas}
              trained={trained}
              headlineOnly={view.present}
            />
            {view.present ? null : (
              <div className="no-print">
                <MergekitPanel data={data} alpha={settled.alpha} difficulty={view.difficulty} />
              </div>
            )}
          </aside>
        </div>
        {hasClaims ? <ClaimCards source={source} difficulty={view.difficulty} axes={claimAxes} /> : null}
        {view.present ? null : (
          <div className="explorer-row">
            <CompositionChart points={points} alpha={settled.alpha} />
            <MetricMultiples slices={data.slices} alpha={settled.alpha} selected={view.difficulty} />
          </div>
        )}
      </div>
    </ExportSourceProvider>
  );
}
