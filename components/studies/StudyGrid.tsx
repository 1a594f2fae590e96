"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { type CSSProperties, type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { gridSvgDocument } from "@/components/browser/svgExport";
import { usePresentation } from "@/components/browser/usePresentation";
import { useUrlView } from "@/components/browser/useUrlView";
import { ExportButtons } from "@/components/charts/ChartExport";
import { ExportSourceProvider } from "@/components/charts/ExportContext";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { LongText } from "@/components/common/LongText";
import { PresentationButton } from "@/components/common/PresentationButton";
import { ViewNotices } from "@/components/common/ViewNotices";
import { ComparePlot, type CompareSeries } from "@/components/compare/ComparePlot";
import { AlphaSlider } from "@/components/frontier/AlphaSlider";
import { AxisControls } from "@/components/frontier/AxisControls";
import { CollapsedNote } from "@/components/frontier/CollapsedNote";
import { DifficultyFilter } from "@/components/frontier/DifficultyFilter";
import { AlphaPathLegend, CollapsedLegend } from "@/components/frontier/FrontierLegend";
import { TrainedLegend } from "@/components/frontier/TrainedMarks";
import { useDragDeferred } from "@/components/frontier/useDragDeferred";
import { useFrontierPlotView, useFrontierView } from "@/components/frontier/useFrontierView";
import {
  liveStudySource,
  pinnedStudySource,
  studyFrontiersQuery,
  studyQuery,
} from "@/components/queries/queries";
import { createSnapshotLink } from "@/components/queries/sharing";
import { SETTING_LABELS } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import { DIFFICULTY_SLICES, type DifficultySlice } from "@/lib/domain/difficulty";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";
import { compareContextOf } from "@/lib/views/compareContext";
import { comparisonWarnings } from "@/lib/views/compareWarnings";
import { studyViewDefinition } from "@/lib/views/studyView";
import { ClaimBadges } from "./ClaimBadges";
import styles from "./Study.module.css";

interface StudyGridProps {
  slug: string;
  /** The query string the page was opened with, so server and browser render the same view. */
  initialSearch: string;
  /** The id of the snapshot that pinned this grid (drawn read-only from its data); absent: live. */
  snapshot?: string;
}

/**
 * A study as the paper's figure: one frontier panel per experiment, columns the settings and rows the
 * model scales, every panel on the same axes (fit to all of them), one α shared by every panel (the
 * slider offers the α every experiment has a value at, as /compare does), one difficulty slice, each
 * panel's claim verdicts as badges; the whole view in the URL, Share (a pinned snapshot of the
 * grid), presenting. A snapshot's grid is the same component over the pinned data.
 */
export function StudyGrid({ slug, initialSearch, snapshot }: StudyGridProps) {
  const source = useMemo(
    () => (snapshot === undefined ? liveStudySource(slug) : pinnedStudySource(snapshot)),
    [slug, snapshot],
  );
  const { data: study } = useSuspenseQuery(studyQuery(source));
  const { data } = useSuspenseQuery(studyFrontiersQuery(source));
  const context = useMemo(() => compareContextOf(data), [data]);
  const { view, recordedView, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    studyViewDefinition,
    context,
    initialSearch,
  );
  const estimators = useMemo(
    () =>
      data.experiments.map((experiment) => createMetricEstimators(experiment.slices[view.difficulty].points)),
    [data, view.difficulty],
  );
  const series = useMemo(
    (): CompareSeries[] =>
      data.experiments.map((experiment, i) => ({
        slug: experiment.experiment.slug,
        name: experiment.experiment.name,
        points: experiment.slices[view.difficulty].points,
        trained: experiment.slices[view.difficulty].trained,
        readout: view.alpha === null ? null : readoutAt(estimators[i], view.alpha),
      })),
    [data, estimators, view.difficulty, view.alpha],
  );
  // Every panel's axes fit every experiment's points and trained checkpoints: the panels read against the same ticks.
  // (Of the points alone, so a slider move, which changes the readouts, does not lay every panel out again.)
  const domainSeries = useMemo(
    () => data.experiments.map((experiment) => experiment.slices[view.difficulty].points),
    [data, view.difficulty],
  );
  const domainTrained = useMemo(
    () => data.experiments.map((experiment) => experiment.slices[view.difficulty].trained ?? []),
    [data, view.difficulty],
  );
  const panels = useMemo(() => series.map((entry) => [entry]), [series]);
  // Of the points alone, so a slider move does not re-render the note.
  const collapsedGroups = useMemo(
    () =>
      data.experiments.map((experiment) => ({
        name: experiment.experiment.name,
        alphas: experiment.slices[view.difficulty].points.filter((p) => p.collapsed).map((p) => p.alpha),
      })),
    [data, view.difficulty],
  );
  // Every panel's marker follows the pointer; the selected points follow a drag deferred.
  const settledAlpha = useDragDeferred(view.alpha, view.alpha !== recordedView.alpha);
  const sliceProblems = useMemo(
    () =>
      Object.fromEntries(
        DIFFICULTY_SLICES.map((slice) => [
          slice,
          { problems: context.slices.includes(slice) ? data.problems[slice].union : 0 },
        ]),
      ) as Record<DifficultySlice, { problems: number }>,
    [context, data],
  );
  const warnings = comparisonWarnings(data, view.difficulty);
  const { metricChoices, x, y, onAlpha, onSelectAlpha, onZoom, onDifficulty, onIncludeCollapsed, onAxes } =
    useFrontierView(view, context.metrics, updateView);
  const plotView = useFrontierPlotView(view);
  const { range, stops } = context.alphas;
  const gridRef = useRef<HTMLDivElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const selectable = useCallback(
    (alpha: number) => range !== null && alpha >= range[0] && alpha <= range[1],
    [range],
  );
  const exportSource = useMemo(
    () => ({
      slug: study.slug,
      experiment: study.name,
      version: data.experiments.map((e) => `${e.experiment.slug} ${e.version}`).join(", "),
      updatedAt: null,
      difficulty: view.difficulty,
    }),
    [study, data, view.difficulty],
  );
  const synthetic = data.experiments.some((experiment) => experiment.experiment.synthetic);
  const claimAxes = useMemo(() => ({ x: x.id, y: y.id }), [x.id, y.id]);
  const cardsHref = useCallback(
    (experiment: string) =>
      snapshot === undefined
        ? `/experiments/${encodeURIComponent(experiment)}?${new URLSearchParams({ difficulty: view.difficulty, ...claimAxes })}`
        : null,
    [snapshot, view.difficulty, claimAxes],
  );
  // One source and link per experiment, kept while the slice, axes and snapshot are: the memoized badges
  // then skip a slider move instead of six re-renders (a new source object and link each time).
  const claimBadgeProps = useMemo(
    () =>
      new Map(
        study.experiments.map((experiment) => [
          experiment.slug,
          { source: source.claims(experiment.slug), cardsHref: cardsHref(experiment.slug) },
        ]),
      ),
    [study, source, cardsHref],
  );
  const share = useCallback(
    () => createSnapshotLink({ study: slug, page: "study" }, new URL(shareUrl()).search.replace(/^\?/, "")),
    [slug, shareUrl],
  );
  const setPresent = useCallback((present: boolean) => updateView({ present }, "push"), [updateView]);
  const presentation = usePresentation(view.present, setPresent);

  return (
    <ExportSourceProvider source={exportSource}>
      <div
        className={`${styles.study} study-grid${view.present ? " presentation" : ""}`}
        data-hydrated={hydrated ? "true" : undefined}
      >
        <title>{`${study.name} · alphascope`}</title>
        <div className="page-heading">
          <h1>
            <LongText text={study.name} />
          </h1>
          <p className="page-lede">
            {study.experiments.length} experiments: columns are inference settings, rows model scales, every
            panel on the same axes at one shared α.
            {synthetic ? " Synthetic demo data, not real model outputs." : ""}
          </p>
        </div>
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        {warnings.length > 0 ? (
          <div className="notice" role="note" data-testid="study-warning">
            <div>
              <strong>These experiments may not be comparable.</strong>
              <ul>
                {warnings.map((warning) => (
                  <li key={warning}>{warning}</li>
                ))}
              </ul>
            </div>
          </div>
        ) : null}
        <div className="explorer-toolbar">
          <DifficultyFilter slices={sliceProblems} value={view.difficulty} onChange={onDifficulty} />
          {data.experiments.some((experiment) => experiment.status === "computing") ? (
            <p className="muted" role="status">
              95% intervals are being computed; they appear here when ready.
            </p>
          ) : null}
          <span className="muted">The whole grid:</span>
          <ExportButtons
            title={`${study.name}: ${x.label} against ${y.label}`}
            name="study-grid"
            build={(footnote) => {
              const charts = study.experiments.flatMap((experiment) => {
                const svg = gridRef.current?.querySelector<SVGSVGElement>(
                  `[data-study-panel="${CSS.escape(experiment.slug)}"] svg[data-testid="compare-plot"]`,
                );
                return svg ? [{ svg, row: experiment.row, column: experiment.column }] : [];
              });
              if (charts.length === 0) return null;
              return gridSvgDocument(
                charts,
                study.columns.map((setting) => SETTING_LABELS[setting]),
                study.rows,
                { title: `${study.name}: ${x.label} against ${y.label}`, footnote },
              );
            }}
          />
          <div className="toolbar-actions">
            <PresentationButton
              present={view.present}
              onEnter={presentation.enter}
              onLeave={presentation.leave}
            />
            <CopyLinkButton url={shareUrl} />
            {snapshot === undefined ? (
              <CopyLinkButton
                url={share}
                text="Share"
                label="Short link to a pinned snapshot of the whole grid"
                testId="share"
                shortcut={null}
              />
            ) : null}
          </div>
        </div>
        <section className="panel" aria-label="Choose the shared α">
          {range !== null && stops.length > 1 && view.alpha !== null ? (
            <AlphaSlider alpha={view.alpha} evaluated={stops} onChange={onAlpha} />
          ) : (
            <p className="muted" data-testid="study-alpha-note">
              {range === null
                ? "These experiments share no α: each has values only within its own evaluated range, and those ranges do not meet."
                : `α = ${formatAlpha(range[0])} is the only α every experiment has a value at.`}
            </p>
          )}
        </section>
        <section className="panel study-axes" aria-labelledby="study-axes">
          <div className="panel-head">
            <h2 id="study-axes">Axes of every panel</h2>
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
        </section>
        <div
          ref={gridRef}
          className={styles.grid}
          style={{ "--study-columns": study.columns.length } as CSSProperties}
          data-testid="study-grid"
        >
          <span />
          {study.columns.map((setting) => (
            <h2 key={setting} className={styles.columnHead}>
              {SETTING_LABELS[setting]}
            </h2>
          ))}
          {study.rows.map((scale, row) => (
            <StudyRow key={scale} scale={scale}>
              {study.columns.map((setting, column) => {
                const members = study.experiments
                  .map((experiment, index) => ({ experiment, index }))
                  .filter(({ experiment }) => experiment.row === row && experiment.column === column);
                return (
                  <div key={setting} className={styles.cell}>
                    {members.length === 0 ? (
                      <p className="muted">No experiment at this setting and scale.</p>
                    ) : (
                      members.map(({ experiment, index }) => (
                        <section
                          key={experiment.slug}
                          className={styles.panel}
                          aria-label={experiment.name}
                          data-study-panel={experiment.slug}
                        >
                          <h3 className={styles.panelTitle}>
                            <Link href={`/experiments/${encodeURIComponent(experiment.slug)}`}>
                              <LongText text={experiment.name} />
                            </Link>
                          </h3>
                          <ComparePlot
                            compact
                            series={panels[index]}
                            settledAlpha={settledAlpha}
                            domainSeries={domainSeries}
                            domainTrained={domainTrained}
                            x={x}
                            y={y}
                            view={plotView}
                            selectable={selectable}
                            onSelectAlpha={onSelectAlpha}
                            onZoom={onZoom}
                            onIncludeCollapsed={onIncludeCollapsed}
                          />
                          <ClaimBadges
                            source={
                              claimBadgeProps.get(experiment.slug)?.source ?? source.claims(experiment.slug)
                            }
                            difficulty={view.difficulty}
                            axes={claimAxes}
                            cardsHref={claimBadgeProps.get(experiment.slug)?.cardsHref ?? null}
                          />
                        </section>
                      ))
                    )}
                  </div>
                );
              })}
            </StudyRow>
          ))}
        </div>
        <CollapsedNote
          groups={collapsedGroups}
          includeCollapsed={view.includeCollapsed}
          onIncludeCollapsed={onIncludeCollapsed}
        />
        <ul className="chart-legend" aria-label="Legend" data-testid="study-legend">
          <AlphaPathLegend />
          {series.some((entry) => entry.points.some((point) => point.collapsed)) ? <CollapsedLegend /> : null}
          {series.some((entry) => (entry.trained ?? []).length > 0) ? <TrainedLegend /> : null}
          <li>filled: Pareto-optimal within its experiment; hollow: dominated</li>
          <li>ringed: the shared α (dashed where it is an estimate between evaluated α)</li>
        </ul>
        <p className="muted study-help">
          Scroll a panel to zoom every panel, drag to pan, click a point to select its α.
        </p>
      </div>
    </ExportSourceProvider>
  );
}

/** One row of the grid: its model scale, then its cells (the grid places them). */
function StudyRow({ scale, children }: { scale: string; children: ReactNode }) {
  return (
    <>
      <h2 className={styles.rowHead}>{scale}</h2>
      {children}
    </>
  );
}
