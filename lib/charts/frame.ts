/** Space around a chart's plotting area, for axes and their labels. */
export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A chart's outer size and the plotting area inside its margins, in pixels. */
export interface Frame {
  width: number;
  height: number;
  margin: Margin;
  innerWidth: number;
  innerHeight: number;
}

/** The frame of a chart of a given size; the plotting area never collapses below 10 px. */
export function chartFrame(width: number, height: number, margin: Margin): Frame {
  return {
    width,
    height,
    margin,
    innerWidth: Math.max(10, width - margin.left - margin.right),
    innerHeight: Math.max(10, height - margin.top - margin.bottom),
  };
}

/** Pixel coordinates rounded to 0.01 px: enough for any screen, and stable text for snapshots. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}
