"use client";

import { type PointerEvent, useMemo, useState } from "react";
import { useElementSize } from "@/components/browser/useElementWidth";
import { ChartExport } from "@/components/charts/ChartExport";
import { nearestK, passAtKChartLayout } from "@/lib/charts/passAtKCurveLayout";
import { PRESENTATION_TYPE, SCREEN_TYPE } from "@/lib/charts/typography";
import type { PassAtKCurve } from "@/lib/contracts/scalingTypes";
import { formatPercent } from "@/lib/views/format";
import styles from "./Scaling.module.css";

export interface StyledCurve {
  id: string;
  label: string;
  color: string;
  /** The ensemble is drawn thicker and dashed so it stands out from the checkpoints. */
  emphasis: boolean;
  curve: PassAtKCurve;
}

const SCREEN_HEIGHT = 340;

/** The value of a curve at exactly k, when k is one of its sampled points. */
function valueAt(curve: PassAtKCurve, k: number) {
  return curve.points.find((p) => p.k === k) ?? null;
}

interface PassAtKChartProps {
  curves: StyledCurve[];
  bands: boolean;
  /** Presentation mode: large type, and the chart fills the height its container is given. */
  present: boolean;
}

/**
 * pass@k against k on a log axis, one line per curve, optional bootstrap bands, and a hover
 * read-out of every curve at the k nearest the pointer.
 */
export function PassAtKChart({ curves, bands, present }: PassAtKChartProps) {
  const [ref, size] = useElementSize<HTMLDivElement>({ width: 640, height: 0 });
  const { width } = size;
  const height = present ? Math.max(200, size.height) : SCREEN_HEIGHT;
  const [hoverK, setHoverK] = useState<number | null>(null);
  const layout = useMemo(
    () =>
      passAtKChartLayout({
        curves: curves.map(({ id, curve }) => ({ id, points: curve.points })),
        width,
        height,
        bands,
        type: present ? PRESENTATION_TYPE : SCREEN_TYPE,
      }),
    [curves, width, height, bands, present],
  );
  const { tick: tickSize, title: titleSize } = layout.type;
  const ks = useMemo(
    () => [...new Set(curves.flatMap(({ curve }) => curve.points.map((p) => p.k)))].sort((a, b) => a - b),
    [curves],
  );
  const { x, y, plot } = layout;
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setHoverK(nearestK(ks, event.clientX - box.left, x));
  };
  return (
    <div className={styles.chartBlock}>
      <ChartExport
        chart={() => ref.current?.querySelector("svg") ?? null}
        title="pass@k against k (log axis)"
        name="pass-at-k"
      />
      <div ref={ref} className={styles.chartArea}>
        <svg
          className={styles.chart}
          width={width}
          height={height}
          role="img"
          aria-label="pass@k against k on a log axis"
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHoverK(null)}
          data-testid="pass-at-k-chart"
        >
          {layout.yTicks.map((tick) => (
            <g key={`y${tick.value}`}>
              <line x1={plot.left} x2={plot.right} y1={tick.offset} y2={tick.offset} stroke="var(--border)" />
              <text
                x={plot.left - 6}
                y={tick.offset}
                dy="0.32em"
                textAnchor="end"
                fontSize={tickSize}
                fill="var(--text-muted)"
              >
                {tick.label}
              </text>
            </g>
          ))}
          {layout.xTicks.map((tick) => (
            <g key={`x${tick.value}`}>
              <line
                x1={tick.offset}
                x2={tick.offset}
                y1={plot.bottom}
                y2={plot.bottom + 4}
                stroke="var(--border-strong)"
              />
              <text
                x={tick.offset}
                y={plot.bottom + 4 + tickSize}
                textAnchor="middle"
                fontSize={tickSize}
                fill="var(--text-muted)"
              >
                {tick.label}
              </text>
            </g>
          ))}
          <line
            x1={plot.left}
            x2={plot.right}
            y1={plot.bottom}
            y2={plot.bottom}
            stroke="var(--border-strong)"
          />
          <text
            x={(plot.left + plot.right) / 2}
            y={height - 4}
            textAnchor="middle"
            fontSize={titleSize}
            fill="var(--text)"
          >
            k (samples per problem, log scale)
          </text>
          <text
            transform={`translate(${titleSize} ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
            fontSize={titleSize}
            fill="var(--text)"
          >
            pass@k
          </text>
          {layout.curves.map((geometry, i) =>
            geometry.band ? (
              <path key={`band-${geometry.id}`} d={geometry.band} fill={curves[i].color} opacity={0.14} />
            ) : null,
          )}
          {layout.curves.map((geometry, i) => (
            <path
              key={geometry.id}
              d={geometry.line}
              fill="none"
              stroke={curves[i].color}
              strokeWidth={curves[i].emphasis ? 3 : 1.75}
              strokeDasharray={curves[i].emphasis ? "7 3" : undefined}
            />
          ))}
          {hoverK !== null ? (
            <g pointerEvents="none">
              <line
                x1={x(hoverK)}
                x2={x(hoverK)}
                y1={plot.top}
                y2={plot.bottom}
                stroke="var(--text-muted)"
                strokeDasharray="3 3"
              />
              {curves.map(({ id, color, curve }) => {
                const p = valueAt(curve, hoverK);
                return p ? <circle key={id} cx={x(hoverK)} cy={y(p.passAtK)} r={3.5} fill={color} /> : null;
              })}
            </g>
          ) : null}
        </svg>
      </div>
      <div className={styles.readout} aria-live="polite" data-testid="curve-readout">
        {hoverK === null ? (
          "Hover the chart to read every curve at one k (the table below lists every value)."
        ) : (
          <>
            <strong>k = {hoverK}:</strong>{" "}
            {curves
              .map(({ label, curve }) => {
                const p = valueAt(curve, hoverK);
                if (!p) return `${label} —`;
                const band =
                  p.lower !== undefined && p.upper !== undefined
                    ? ` [${formatPercent(p.lower)}–${formatPercent(p.upper)}]`
                    : "";
                return `${label} ${formatPercent(p.passAtK)}${band}`;
              })
              .join(" · ")}
          </>
        )}
      </div>
      <ul className={styles.legend} aria-label="Legend">
        {curves.map(({ id, label, color, emphasis }) => (
          <li key={id} style={{ listStyle: "none" }}>
            <span className={styles.swatch} style={{ background: color, height: emphasis ? 4 : 3 }} />
            {label}
          </li>
        ))}
      </ul>
    </div>
  );
}
