"use client";

import { useElementWidth } from "@/components/browser/useElementWidth";
import { ChartAxes } from "@/components/charts/ChartAxes";
import { VERDICT_COLORS } from "@/components/charts/verdictColors";
import { layoutVerdictBars } from "@/lib/charts/verdictBarsLayout";
import type { ProblemCheckpoint } from "@/lib/contracts/problemTypes";
import { formatAlpha } from "@/lib/domain/alpha";
import { VERDICT_LABELS, VERDICTS } from "@/lib/domain/verdicts";

const HEIGHT = 260;

/** One problem's verdict shares at every evaluated α, one stacked bar each, as wide as its container. */
export function VerdictBars({ checkpoints }: { checkpoints: readonly ProblemCheckpoint[] }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(760);
  const layout = layoutVerdictBars(checkpoints, width, HEIGHT);
  const { frame } = layout;
  return (
    <div ref={ref} className="chart-container">
      <svg
        className="chart"
        width={frame.width}
        height={frame.height}
        viewBox={`0 0 ${frame.width} ${frame.height}`}
        role="img"
        aria-label="Verdict shares of this problem's samples at each evaluated α; the table below lists every count."
        data-testid="problem-verdict-chart"
      >
        <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
          {layout.bars.map((bar) => (
            <g key={bar.alpha}>
              {bar.segments.map((segment) => (
                <rect
                  key={segment.verdict}
                  x={segment.x}
                  y={segment.y}
                  width={segment.width}
                  height={segment.height}
                  fill={VERDICT_COLORS[segment.verdict]}
                >
                  <title>{`α = ${formatAlpha(bar.alpha)}: ${VERDICT_LABELS[segment.verdict]} ${(segment.share * 100).toFixed(1)}%`}</title>
                </rect>
              ))}
            </g>
          ))}
          <ChartAxes
            frame={frame}
            xTicks={layout.xTicks}
            yTicks={layout.yTicks}
            xTitle="α (0 = A, 1 = B)"
            yTitle="Share of samples"
            grid={false}
          />
        </g>
      </svg>
      <ul className="chart-legend" aria-label="Verdicts">
        {[...VERDICTS].reverse().map((verdict) => (
          <li key={verdict}>
            <span className="legend-swatch" style={{ background: VERDICT_COLORS[verdict] }} />
            {VERDICT_LABELS[verdict]}
          </li>
        ))}
      </ul>
    </div>
  );
}
