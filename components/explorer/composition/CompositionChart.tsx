"use client";

import { memo, useMemo } from "react";
import { ChartAxes } from "@/components/charts/ChartAxes";
import { ChartDataTable } from "@/components/charts/ChartDataTable";
import { ChartExport } from "@/components/charts/ChartExport";
import { GlossaryLink } from "@/components/glossary/GlossaryLink";
import { compositionCaption } from "@/lib/charts/compositionCaption";
import {
  type CompositionLayout,
  layoutComposition,
  VERDICT_SHARE_METRIC,
} from "@/lib/charts/compositionLayout";
import type { FrontierPoint } from "@/lib/contracts/types";
import { formatAlpha } from "@/lib/domain/alpha";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/verdicts";
import { getMetric, metricAnchor } from "@/lib/science/metricRegistry";
import { useElementWidth } from "../../browser/useElementWidth";
import { VERDICT_COLORS } from "../../charts/verdictColors";
import { COLLAPSED_CROSS } from "../../frontier/FrontierSvg";
import { SingleCheckpointChartNote } from "../SingleCheckpointNote";

const HEIGHT = 260;

const percent = (value: number | undefined) => (value === undefined ? "—" : `${(value * 100).toFixed(1)}%`);

/** The composition bands, which do not move with α (kept apart so a drag re-renders only the rule). */
const CompositionBands = memo(function CompositionBands({ layout }: { layout: CompositionLayout }) {
  const { frame } = layout;
  return (
    <>
      {layout.bands.map((band) => (
        <path
          key={band.verdict}
          className="composition-area"
          d={band.d}
          fill={VERDICT_COLORS[band.verdict]}
        />
      ))}
      <ChartAxes
        frame={frame}
        xTicks={layout.xTicks}
        yTicks={layout.yTicks}
        xTitle="α (0 = A, 1 = B)"
        yTitle="Share of samples"
        grid={false}
      />
    </>
  );
});

/** The chart's SVG: bands plus the rule at the current α. Pure, so snapshot tests can render it. */
export function CompositionSvg({
  points,
  width,
  alpha,
}: {
  points: readonly FrontierPoint[];
  width: number;
  alpha: number;
}) {
  const layout = useMemo(() => layoutComposition(points, width, HEIGHT), [points, width]);
  const { frame } = layout;
  const ruleX = layout.xOf(alpha);
  return (
    <svg
      className="chart composition-chart"
      width={frame.width}
      height={frame.height}
      viewBox={`0 0 ${frame.width} ${frame.height}`}
      role="img"
      aria-label={`Verdict shares stacked over α; current α = ${formatAlpha(alpha)}. The data table below lists every value.`}
    >
      <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
        <CompositionBands layout={layout} />
        {layout.collapsed.map((mark) => (
          <g
            key={mark.alpha}
            className="composition-collapsed"
            transform={`translate(${mark.x},-9)`}
            data-testid="composition-collapsed"
          >
            <title>{`α = ${formatAlpha(mark.alpha)} has collapsed`}</title>
            <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} />
          </g>
        ))}
        {ruleX >= 0 && ruleX <= frame.innerWidth ? (
          <g data-testid="composition-rule">
            <line
              className="composition-rule alpha-rule"
              transform={`translate(${ruleX},0)`}
              y1={0}
              y2={frame.innerHeight}
            />
          </g>
        ) : null}
      </g>
    </svg>
  );
}

/**
 * Failure composition over α: how the samples split into pass, wrong answer, time limit and the
 * other failures at each evaluated α, with the current α and the collapsed checkpoints marked (the
 * research's central picture), captioned from the data. One checkpoint: a note and the table.
 */
export const CompositionChart = memo(function CompositionChart({
  points,
  alpha,
}: {
  points: readonly FrontierPoint[];
  alpha: number;
}) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const caption = useMemo(() => compositionCaption(points), [points]);
  return (
    <section className="panel" aria-labelledby="composition-title">
      <div className="panel-head">
        <h2 id="composition-title">Failure composition</h2>
        <ChartExport
          chart={() => ref.current?.querySelector("svg") ?? null}
          title="Failure composition: share of samples per verdict over α"
          name="composition"
        />
      </div>
      {caption ? (
        <p className="panel-sub" data-testid="composition-caption">
          {caption}
        </p>
      ) : null}
      <p className="panel-sub">
        <GlossaryLink anchor={metricAnchor("passShare")} what="verdict shares" />
      </p>
      {points.length > 1 ? (
        <>
          <div ref={ref} className="chart-container">
            <CompositionSvg points={points} width={width} alpha={alpha} />
          </div>
          <ul className="chart-legend" aria-label="Verdicts">
            {[...VERDICTS].reverse().map((verdict) => (
              <li key={verdict}>
                <span className="legend-swatch" style={{ background: VERDICT_COLORS[verdict] }} />
                {VERDICT_LABELS[verdict]}
              </li>
            ))}
            {points.some((p) => p.collapsed) ? (
              <li>
                <svg width="14" height="14" aria-hidden="true">
                  <path className="frontier-point-collapsed" d={COLLAPSED_CROSS} transform="translate(7,7)" />
                </svg>
                collapsed
              </li>
            ) : null}
          </ul>
        </>
      ) : (
        <SingleCheckpointChartNote what="how the failures shift along α" />
      )}
      <ChartDataTable
        caption="Share of samples per verdict at each evaluated α"
        rows={points}
        rowKey={(p) => p.alpha}
        isCurrent={(p) => p.alpha === alpha}
        testId="composition-table"
        name="composition-data"
        columns={[
          { header: "α", numeric: true, cell: (p) => formatAlpha(p.alpha) },
          { header: "Collapsed", cell: (p: FrontierPoint) => (p.collapsed ? "collapsed" : "—") },
          ...VERDICTS.map((verdict) => ({
            header: VERDICT_LABELS[verdict],
            metric: getMetric(VERDICT_SHARE_METRIC[verdict]),
            numeric: true,
            cell: (p: FrontierPoint) => percent(p.metrics[VERDICT_SHARE_METRIC[verdict]]?.value),
          })),
        ]}
      />
    </section>
  );
});
