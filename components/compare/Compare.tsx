"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useUrlView } from "@/components/browser/useUrlView";
import { ExportSourceProvider } from "@/components/charts/ExportContext";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { LongText } from "@/components/common/LongText";
import { ViewNotices } from "@/components/common/ViewNotices";
import { AlphaSlider } from "@/components/frontier/AlphaSlider";
import { DifficultyFilter } from "@/components/frontier/DifficultyFilter";
import { FrontierPanel } from "@/components/frontier/FrontierPanel";
import { useDragDeferred } from "@/components/frontier/useDragDeferred";
import { useFrontierPlotView, useFrontierView } from "@/components/frontier/useFrontierView";
import { comparisonQuery } from "@/components/queries/queries";
import { SETTING_LABELS } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import { DIFFICULTY_SLICES, type DifficultySlice } from "@/lib/domain/difficulty";
import { createMetricEstimators, readoutAt } from "@/lib/views/alphaScores";
import { compareContextOf } from "@/lib/views/compareContext";
import { compareViewDefinition } from "@/lib/views/compareView";
import { comparisonWarnings } from "@/lib/views/compareWarnings";
import styles from "./Compare.module.css";
import { ComparePlot, type CompareSeries } from "./ComparePlot";
import { CompareScores } from "./CompareScores";
import { SeriesSwatch } from "./SeriesSwatch";

interface CompareProps {
  slugs: readonly string[];
  /** The query string the page was opened with, so server and browser render the same view. */
  initialSearch: string;
}

/**
 * 2–4 experiments' frontiers overlaid, a shared α (slider, crosshair per experiment, scores side by
 * side), and a warning when their benchmarks or problem sets differ; fed by the data the server
 * prefetched into the query cache, the whole view in the URL.
 */
export function Compare({ slugs, initialSearch }: CompareProps) {
  const { data } = useSuspenseQuery(comparisonQuery(slugs));
  const context = useMemo(() => compareContextOf(data), [data]);
  const { view, recordedView, updateView, shareUrl, notices, dismissNotices } = useUrlView(
    compareViewDefinition,
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
  // The slider and the plot's markers follow the pointer; the score table follows a drag deferred.
  const settledSeries = useDragDeferred(series, view.alpha !== recordedView.alpha);
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
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);

  const selectable = useCallback(
    (alpha: number) => range !== null && alpha >= range[0] && alpha <= range[1],
    [range],
  );

  // Exported charts name every experiment and its data version.
  const exportSource = useMemo(
    () => ({
      slug: data.experiments.map((e) => e.experiment.slug).join("-vs-"),
      experiment: data.experiments.map((e) => e.experiment.name).join(" vs "),
      version: data.experiments.map((e) => `${e.experiment.slug} ${e.version}`).join(", "),
      updatedAt: null,
      difficulty: view.difficulty,
    }),
    [data, view.difficulty],
  );

  return (
    <ExportSourceProvider source={exportSource}>
      <div className={styles.compare} data-hydrated={hydrated ? "true" : undefined}>
        <title>{`Compare ${data.experiments.map((e) => e.experiment.name).join(" · ")} · alphascope`}</title>
        <div className="page-heading">
          <h1>Compare experiments</h1>
          <ul className={styles.experiments} data-testid="compare-experiments">
            {data.experiments.map(({ experiment }, index) => (
              <li key={experiment.slug}>
                <SeriesSwatch index={index} />
                <Link href={`/experiments/${encodeURIComponent(experiment.slug)}`}>
                  <LongText text={experiment.name} />
                </Link>
                <span className="muted">
                  <LongText text={experiment.benchmark} /> · {SETTING_LABELS[experiment.setting]}
                  {experiment.synthetic ? " · synthetic" : ""}
                </span>
              </li>
            ))}
          </ul>
        </div>
        <ViewNotices notices={notices} onDismiss={dismissNotices} />
        {warnings.length > 0 ? (
          <div className="notice" role="note" data-testid="compare-warning">
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
          <CopyLinkButton url={shareUrl} />
        </div>
        <section className="panel" aria-label="Choose the shared α">
          {range !== null && stops.length > 1 && view.alpha !== null ? (
            <AlphaSlider alpha={view.alpha} evaluated={stops} onChange={onAlpha} />
          ) : (
            <p className={styles.sliderNote} data-testid="compare-alpha-note">
              {range === null
                ? "These experiments share no α: each has values only within its own evaluated range, and those ranges do not meet."
                : `α = ${formatAlpha(range[0])} is the only α every experiment has a value at.`}
            </p>
          )}
        </section>
        <div className={styles.main}>
          <FrontierPanel
            id="compare-plot-title"
            title="Correctness–efficiency frontiers"
            metrics={metricChoices}
            view={plotView}
            onAxes={onAxes}
          >
            <ComparePlot
              series={series}
              settledAlpha={settledSeries[0]?.readout?.alpha ?? null}
              x={x}
              y={y}
              view={plotView}
              selectable={selectable}
              onSelectAlpha={onSelectAlpha}
              onZoom={onZoom}
              onIncludeCollapsed={onIncludeCollapsed}
            />
          </FrontierPanel>
          {settledSeries[0]?.readout ? (
            <CompareScores
              series={settledSeries}
              metrics={metricChoices}
              alpha={settledSeries[0].readout.alpha}
            />
          ) : null}
        </div>
      </div>
    </ExportSourceProvider>
  );
}
