import { px } from "@/lib/charts/frame";
import type { FrontierSeriesPlot } from "@/lib/charts/frontierLayout";
import { insidePlot } from "@/lib/charts/plotArea";
import type { AlphaReadout } from "@/lib/views/alphaScores";
import type { FrontierMarker } from "./FrontierSvg";

/**
 * Where the slider's α sits on a frontier plot: the two plotted metrics' values in the α readout
 * (the measured point at an evaluated α, an estimate along the path in between; none outside the
 * evaluated range, nor where a zoom leaves it outside the plotting area). It reads the estimates
 * the score panel shows rather than estimating again, so a drag frame evaluates each metric once
 * and the marker always agrees with the panel.
 */
export function frontierMarker(
  plot: Pick<FrontierSeriesPlot, "frame" | "xScale" | "yScale">,
  readout: AlphaReadout | null,
  metrics: { x: string; y: string },
): FrontierMarker | null {
  const x = readout?.estimates.get(metrics.x);
  const y = readout?.estimates.get(metrics.y);
  if (!x || !y) return null;
  const cx = px(plot.xScale(x.value));
  const cy = px(plot.yScale(y.value));
  const area = { width: plot.frame.innerWidth, height: plot.frame.innerHeight };
  return insidePlot(cx, cy, area) ? { cx, cy, measured: x.measured && y.measured } : null;
}
