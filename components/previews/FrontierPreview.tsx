import type { CSSProperties } from "react";
import type { FrontierLayout } from "@/lib/charts/frontierLayout";
import { LIGHT_COLORS } from "@/lib/charts/palette";
import { labelBox } from "@/lib/charts/plotArea";
import { TRAINED_DIAMOND } from "@/lib/charts/trainedLayout";
import { SCREEN_TYPE } from "@/lib/charts/typography";
import type { Headline } from "@/lib/responses/headline";
import type { MetricDefinition } from "@/lib/science/metricRegistry";
import { ellipsize } from "@/lib/views/format";
import type { FrontierMarker } from "../frontier/FrontierSvg";

/** The size of a link preview image (OpenGraph's recommended 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/** Where the chart sits in the image: below the two header lines, above the footnote. */
export const PREVIEW_CHART = { left: 24, top: 136, width: 1152, height: 440 } as const;

/** The chart's type: the screen's ticks and margins, trained checkpoints' labels large enough to read in a card. */
export const PREVIEW_TYPE = { ...SCREEN_TYPE, label: 18 } as const;

/**
 * The explorer's chart colours as concrete values, because an image has no stylesheet: the
 * palette's light ones (a preview is light, like an exported chart).
 */
const COLOURS = {
  text: LIGHT_COLORS.text,
  muted: LIGHT_COLORS["text-muted"],
  estimate: LIGHT_COLORS.estimate,
  path: LIGHT_COLORS["chart-path"],
  frontier: LIGHT_COLORS["chart-frontier"],
  grid: LIGHT_COLORS["chart-grid"],
  axis: LIGHT_COLORS["chart-axis"],
  background: LIGHT_COLORS.surface,
} as const;

interface FrontierPreviewProps {
  /**
   * Laid out at PREVIEW_CHART's size in PREVIEW_TYPE by the explorer's own geometry (layoutFrontier),
   * trained checkpoints included (labelled diamonds apart from the α path, as on every frontier plot).
   */
  layout: FrontierLayout;
  x: MetricDefinition;
  y: MetricDefinition;
  markers: FrontierMarker[];
  /** "Experiment name" and "α = 1.5 · hard problems"-style subtitle. */
  title: string;
  subtitle: string;
  /** The numbers at the (first) marked α; none for a page without one α. */
  headline: Headline | null;
  /** "data version … · updated …" */
  footnote: string;
}

const absolute = (left: number, top: number, style: CSSProperties = {}): CSSProperties => ({
  position: "absolute",
  left,
  top,
  display: "flex",
  ...style,
});

/**
 * The link-preview image of a frontier (rendered by next/og, which supports flexbox and absolutely
 * positioned boxes, not CSS): the chart's lines and points as one SVG, its text as positioned
 * boxes (an SVG inside the image draws no text), the experiment, α and the headline numbers above.
 */
export function FrontierPreview({
  layout,
  x,
  y,
  markers,
  title,
  subtitle,
  headline,
  footnote,
}: FrontierPreviewProps) {
  const { frame } = layout;
  const origin = { left: PREVIEW_CHART.left + frame.margin.left, top: PREVIEW_CHART.top + frame.margin.top };
  const numbers = headline && headline.status !== "none" ? headline.values : [];
  const trained = layout.trained.marks.filter((mark) => mark.inside);
  return (
    <div
      style={{
        width: PREVIEW_SIZE.width,
        height: PREVIEW_SIZE.height,
        display: "flex",
        position: "relative",
        background: COLOURS.background,
        color: COLOURS.text,
        fontFamily: "DejaVu Sans",
      }}
    >
      <div style={absolute(40, 24, { fontSize: 40, maxWidth: 1120 })}>{ellipsize(title, 48)}</div>
      <div style={absolute(40, 80, { fontSize: 26, color: COLOURS.muted, alignItems: "center" })}>
        <span>{ellipsize(subtitle, 44)}</span>
        {numbers.map((entry) => (
          <span
            key={entry.id}
            style={{
              marginLeft: 28,
              color: headline?.status === "estimated" ? COLOURS.estimate : COLOURS.text,
            }}
          >
            {`${entry.shortLabel} ${entry.text.split(" [")[0]}`}
          </span>
        ))}
        {headline?.status === "estimated" ? (
          <span style={{ marginLeft: 16, color: COLOURS.estimate }}>(estimated)</span>
        ) : null}
      </div>
      <svg
        aria-hidden="true"
        width={PREVIEW_CHART.width}
        height={PREVIEW_CHART.height}
        viewBox={`0 0 ${PREVIEW_CHART.width} ${PREVIEW_CHART.height}`}
        style={{ position: "absolute", left: PREVIEW_CHART.left, top: PREVIEW_CHART.top }}
      >
        <g transform={`translate(${frame.margin.left},${frame.margin.top})`}>
          {layout.yTicks.map((tick) => (
            <line
              key={`gy${tick.value}`}
              x1={0}
              x2={frame.innerWidth}
              y1={tick.offset}
              y2={tick.offset}
              stroke={COLOURS.grid}
            />
          ))}
          {layout.xTicks.map((tick) => (
            <line
              key={`gx${tick.value}`}
              x1={tick.offset}
              x2={tick.offset}
              y1={0}
              y2={frame.innerHeight}
              stroke={COLOURS.grid}
            />
          ))}
          <line
            x1={0}
            x2={frame.innerWidth}
            y1={frame.innerHeight}
            y2={frame.innerHeight}
            stroke={COLOURS.axis}
          />
          <line x1={0} x2={0} y1={0} y2={frame.innerHeight} stroke={COLOURS.axis} />
          {layout.frontier ? (
            <path
              d={layout.frontier}
              fill="none"
              stroke={COLOURS.frontier}
              strokeWidth={3}
              strokeOpacity={0.85}
            />
          ) : null}
          {layout.path.map((run) => (
            <path
              key={`${run.part}${run.d.slice(0, 24)}`}
              d={run.d}
              fill="none"
              stroke={COLOURS.path}
              strokeWidth={run.part === "interpolation" ? 3.5 : 2.5}
              strokeDasharray={run.part === "interpolation" ? undefined : "9 6"}
              strokeLinejoin="round"
            />
          ))}
          {layout.points.map((p) => (
            <circle
              key={p.point.alpha}
              cx={p.cx}
              cy={p.cy}
              r={p.pareto ? 9 : 7}
              fill={p.pareto ? p.color : COLOURS.background}
              stroke={p.pareto ? COLOURS.text : p.color}
              strokeWidth={p.pareto ? 2 : 3}
            />
          ))}
          {layout.trained.frontier ? (
            <path
              d={layout.trained.frontier}
              fill="none"
              stroke={COLOURS.text}
              strokeWidth={2}
              strokeDasharray="3 4"
              strokeOpacity={0.75}
            />
          ) : null}
          {trained.map((mark) => (
            <path
              key={`t${mark.point.label}`}
              d={TRAINED_DIAMOND}
              transform={`translate(${mark.cx},${mark.cy}) scale(1.4)`}
              fill={COLOURS.text}
              stroke={COLOURS.background}
              strokeWidth={1.5}
            />
          ))}
          {markers.map((marker) => {
            const colour = marker.measured ? COLOURS.text : COLOURS.estimate;
            return (
              <g key={`${marker.cx},${marker.cy}`} transform={`translate(${marker.cx},${marker.cy})`}>
                <circle
                  r={16}
                  fill="none"
                  stroke={colour}
                  strokeWidth={3.5}
                  strokeDasharray={marker.measured ? undefined : "6 4"}
                />
                <line x1={-24} x2={-10} stroke={colour} strokeWidth={3} />
                <line x1={10} x2={24} stroke={colour} strokeWidth={3} />
                <line y1={-24} y2={-10} stroke={colour} strokeWidth={3} />
                <line y1={10} y2={24} stroke={colour} strokeWidth={3} />
              </g>
            );
          })}
        </g>
      </svg>
      {trained.flatMap((mark) => {
        if (!mark.label) return [];
        const box = labelBox(mark.label.place, Array.from(mark.label.text).length, layout.type.label);
        return [
          <div
            key={`tl${mark.point.label}`}
            data-trained={mark.point.label}
            style={absolute(origin.left + box.left, origin.top + box.top, {
              width: box.width,
              height: box.height,
              justifyContent: box.align === "start" ? "flex-start" : "flex-end",
              fontSize: layout.type.label,
              lineHeight: 1,
              fontWeight: 700,
              whiteSpace: "nowrap",
              color: COLOURS.text,
            })}
          >
            {mark.label.text}
          </div>,
        ];
      })}
      {layout.xTicks.map((tick) => (
        <div
          key={`x${tick.value}`}
          style={absolute(origin.left + tick.offset - 50, origin.top + frame.innerHeight + 8, {
            width: 100,
            justifyContent: "center",
            fontSize: 17,
            color: COLOURS.muted,
          })}
        >
          {tick.label}
        </div>
      ))}
      {layout.yTicks.map((tick) => (
        <div
          key={`y${tick.value}`}
          style={absolute(origin.left - 96, origin.top + tick.offset - 11, {
            width: 88,
            justifyContent: "flex-end",
            fontSize: 17,
            color: COLOURS.muted,
          })}
        >
          {tick.label}
        </div>
      ))}
      <div style={absolute(origin.left, PREVIEW_CHART.top + PREVIEW_CHART.height - 14, { fontSize: 18 })}>
        {`x: ${x.label}`}
        <span style={{ marginLeft: 32 }}>{`y: ${y.label}`}</span>
      </div>
      <div style={absolute(40, PREVIEW_SIZE.height - 30, { fontSize: 15, color: COLOURS.muted })}>
        {footnote}
      </div>
    </div>
  );
}
