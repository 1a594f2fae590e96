import { px } from "@/lib/charts/frame";
import type { FrontierLayout } from "@/lib/charts/frontierLayout";
import type { AlphaReadout } from "@/lib/client/alphaScores";
import type { FrontierMarker } from "./FrontierSvg";

/**
 * Where the slider's α sits on the plot: the two plotted metrics' values in the α readout (the
 * measured point at an evaluated α, an estimate along the path in between, none outside the
 * evaluated range). It reads the estimates the score panel shows rather than estimating again, so a
 * drag frame evaluates each metric once and the marker always agrees with the panel.
 */
export function frontierMarker(
  layout: FrontierLayout,
  readout: AlphaReadout,
  metrics: { x: string; y: string },
): FrontierMarker | null {
  const x = readout.estimates.get(metrics.x);
  const y = readout.estimates.get(metrics.y);
  if (layout.points.length === 0 || !x || !y) return null;
  return {
    cx: px(layout.xScale(x.value)),
    cy: px(layout.yScale(y.value)),
    measured: x.measured && y.measured,
  };
}
