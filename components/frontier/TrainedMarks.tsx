import type { TrainedLayout } from "@/lib/charts/trainedLayout";
import { TRAINED_DIAMOND } from "@/lib/charts/trainedLayout";
import type { ChartType } from "@/lib/charts/typography";
import type { MetricDefinition } from "@/lib/science/metricRegistry";

/** How a screen reader hears a trained checkpoint: its label, coverage and both plotted values. */
export function trainedPointLabel(
  mark: TrainedLayout["marks"][number],
  x: MetricDefinition,
  y: MetricDefinition,
) {
  const { point } = mark;
  const coverage = point.coverage === null ? "" : ` (coverage ${point.coverage})`;
  return `Trained checkpoint ${point.label}${coverage}, not on the α path: ${x.label} ${x.format(point.metrics[x.id].value)}, ${y.label} ${y.format(point.metrics[y.id].value)}`;
}

/** The trained checkpoints' own Pareto staircase and their whiskers, drawn under everything else (clipped). */
export function TrainedLines({ trained }: { trained: TrainedLayout }) {
  return (
    <>
      {trained.frontier ? <path className="trained-step" d={trained.frontier} /> : null}
      {trained.marks.map((mark) =>
        mark.whiskers ? (
          <g key={`tw${mark.point.label}`} className="frontier-whiskers trained-whiskers">
            <line x1={mark.whiskers.x1} x2={mark.whiskers.x2} y1={mark.cy} y2={mark.cy} />
            <line x1={mark.cx} x2={mark.cx} y1={mark.whiskers.y1} y2={mark.whiskers.y2} />
          </g>
        ) : null,
      )}
    </>
  );
}

/**
 * Trained checkpoints as labelled diamonds: reference points beside the α path, never joined to it
 * and never selectable as an α (the same marks on every frontier plot and export).
 */
export function TrainedMarks({
  trained,
  x,
  y,
  type,
}: {
  trained: TrainedLayout;
  x: MetricDefinition;
  y: MetricDefinition;
  type: ChartType;
}) {
  return trained.marks
    .filter((mark) => mark.inside)
    .map((mark) => (
      // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG <g> is not interactive here; role img makes the whole mark one named image for screen readers.
      <g
        key={mark.point.label}
        className="trained-point"
        data-trained={mark.point.label}
        role="img"
        aria-label={trainedPointLabel(mark, x, y)}
      >
        <path
          className="trained-point-mark"
          d={TRAINED_DIAMOND}
          transform={`translate(${mark.cx},${mark.cy})`}
        />
        {mark.label ? (
          <text
            className="trained-point-label"
            x={mark.label.place.x}
            y={mark.label.place.y}
            textAnchor={mark.label.place.anchor}
            fontSize={type.label}
          >
            {mark.label.text === mark.point.label ? null : <title>{mark.point.label}</title>}
            {mark.label.text}
          </text>
        ) : null}
      </g>
    ));
}

/** The legend's entries for trained checkpoints and their staircase (only when a plot has some). */
export function TrainedLegend() {
  return (
    <>
      <li>
        <svg width="16" height="16" aria-hidden="true">
          <path className="trained-point-mark" d={TRAINED_DIAMOND} transform="translate(8,8)" />
        </svg>
        trained checkpoint (not on the α path)
      </li>
      <li>
        <svg width="28" height="10" aria-hidden="true">
          <path className="trained-step" d="M0,2H14V8H28" />
        </svg>
        trained checkpoints&apos; frontier
      </li>
    </>
  );
}
