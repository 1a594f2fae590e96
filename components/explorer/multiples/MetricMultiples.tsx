"use client";

import { memo, useMemo } from "react";
import { ChartDataTable } from "@/components/charts/ChartDataTable";
import type { SliceSeries } from "@/lib/charts/metricLinesLayout";
import type { FrontierData, FrontierPoint } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import { DIFFICULTY_SLICES, type DifficultySlice } from "@/lib/domain/difficulty";
import { getMetric, type MetricId } from "@/lib/science/metricRegistry";
import { SingleCheckpointChartNote } from "../SingleCheckpointNote";
import { MultiplePanel } from "./MultiplePanel";
import { SLICE_STYLES } from "./sliceStyles";

/** The three metrics plotted against α, one panel each. */
const MULTIPLE_METRICS: readonly MetricId[] = ["solveRate", "correctness", "efficiency"];

/** Below this many problems a slice's rates swing by several points between checkpoints (LiveCodeBench's caveat). */
const SMALL_SLICE = 50;

interface MetricMultiplesProps {
  slices: FrontierData["slices"];
  alpha: number;
  selected: DifficultySlice;
}

/**
 * Solve rate, correctness and efficiency against α, one line per difficulty slice, current α and
 * collapsed checkpoints marked; one checkpoint: a note and the table.
 */
export const MetricMultiples = memo(function MetricMultiples({
  slices,
  alpha,
  selected,
}: MetricMultiplesProps) {
  // Stable across α changes, so each panel's layout is computed once, not on every drag frame.
  const series: SliceSeries[] = useMemo(
    () =>
      DIFFICULTY_SLICES.filter((slice) => slices[slice].problems > 0).map((slice) => ({
        slice,
        points: slices[slice].points,
      })),
    [slices],
  );
  const small = series.filter((s) => s.slice !== "all" && slices[s.slice].problems < SMALL_SLICE);
  const rows = slices.all.points.map((point, index) => ({ alpha: point.alpha, index }));
  const collapsedOn = (index: number) =>
    series
      .filter((s) => slices[s.slice].points[index]?.collapsed)
      .map((s) => SLICE_STYLES[s.slice].label)
      .join(", ") || "—";
  const cellValue = (slice: DifficultySlice, index: number, id: MetricId) => {
    const point: FrontierPoint | undefined = slices[slice].points[index];
    const estimate = point?.metrics[id];
    return estimate ? getMetric(id).format(estimate.value) : "—";
  };

  return (
    <section className="panel" aria-labelledby="multiples-title">
      <h2 id="multiples-title">Metrics against α by difficulty</h2>
      <ul className="chart-legend" aria-label="Difficulty slices">
        {series.map((s) => (
          <li key={s.slice}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="0"
                x2="28"
                y1="5"
                y2="5"
                stroke={SLICE_STYLES[s.slice].color}
                strokeWidth="2"
                strokeDasharray={SLICE_STYLES[s.slice].dash}
              />
            </svg>
            {SLICE_STYLES[s.slice].label} ({slices[s.slice].problems})
          </li>
        ))}
      </ul>
      {rows.length > 1 ? (
        <div className="multiples">
          {MULTIPLE_METRICS.map((id) => (
            <MultiplePanel
              key={id}
              metric={getMetric(id)}
              series={series}
              alpha={alpha}
              selected={selected}
            />
          ))}
        </div>
      ) : (
        <SingleCheckpointChartNote what="how solve rate, correctness and efficiency move with α" />
      )}
      {small.length > 0 ? (
        <p className="chart-warning" role="note" data-testid="small-slice-warning">
          ⚠{" "}
          {small
            .map((s) => `${SLICE_STYLES[s.slice].label} has only ${slices[s.slice].problems} problems`)
            .join("; ")}{" "}
          (fewer than {SMALL_SLICE}): its rates are noisy, compare them with care.
        </p>
      ) : null}
      <ChartDataTable
        caption="Solve rate, correctness and efficiency per evaluated α and difficulty slice"
        rows={rows}
        rowKey={(row) => row.alpha}
        isCurrent={(row) => row.alpha === alpha}
        testId="multiples-table"
        name="multiples-data"
        columns={[
          { header: "α", numeric: true, cell: (row) => formatAlpha(row.alpha) },
          { header: "Collapsed on", cell: (row: { index: number }) => collapsedOn(row.index) },
          ...MULTIPLE_METRICS.flatMap((id) =>
            series.map((s) => ({
              header: `${getMetric(id).label} · ${SLICE_STYLES[s.slice].label}`,
              metric: getMetric(id),
              numeric: true,
              cell: (row: { index: number }) => cellValue(s.slice, row.index, id),
            })),
          ),
        ]}
      />
    </section>
  );
});
