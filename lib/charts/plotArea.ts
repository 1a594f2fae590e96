/**
 * What stays inside a chart's plotting area (the frame's inner rectangle, origin at its top left):
 * lines are clipped to it by the SVG, while points, the α marker and text labels are either drawn
 * whole inside it or not at all, so nothing is cut in half at the edge of a zoomed plot.
 */

/** The plotting area's size in pixels. */
export interface PlotArea {
  width: number;
  height: number;
}

/** Whether a point (its centre, in plot coordinates) lies in the plotting area, edges included. */
export function insidePlot(x: number, y: number, area: PlotArea): boolean {
  return x >= 0 && x <= area.width && y >= 0 && y <= area.height;
}

/** Mean advance of a character of the chart's sans-serif labels, in em (bold digits and letters). */
const CHAR_EM = 0.6;
/** The part of the font size above the baseline (ascent of capitals) and below it (descenders). */
const ASCENT_EM = 0.8;
const DESCENT_EM = 0.25;
/** Distance from the point's centre to its label, beside and above it. */
const LABEL_GAP = 12;
const LABEL_RISE = 10;

/** How many characters of a label fit across the plotting area beside a point. */
export function labelCharsThatFit(area: PlotArea, fontSize: number): number {
  return Math.max(1, Math.floor((area.width - LABEL_GAP) / (fontSize * CHAR_EM)));
}

/** Where an SVG <text> goes: its anchor point and which end of the text sits there. */
export interface LabelPlacement {
  x: number;
  y: number;
  anchor: "start" | "end";
}

/**
 * A point's label, kept inside the plotting area: above and to the right of the point, to its
 * left where it would run past the right edge, pinned to the nearer edge where it fits on neither
 * side, and below the point where it would rise past the top. Null for a point outside the area
 * (panned or zoomed away), whose label would otherwise stand alone.
 */
export function placePointLabel(
  point: { cx: number; cy: number },
  chars: number,
  fontSize: number,
  area: PlotArea,
): LabelPlacement | null {
  if (!insidePlot(point.cx, point.cy, area)) return null;
  const width = chars * fontSize * CHAR_EM;
  let x: number;
  let anchor: LabelPlacement["anchor"] = "start";
  if (point.cx + LABEL_GAP + width <= area.width) x = point.cx + LABEL_GAP;
  else if (point.cx - LABEL_GAP - width >= 0) {
    x = point.cx - LABEL_GAP;
    anchor = "end";
  } else x = Math.max(0, area.width - width);
  const above = point.cy - LABEL_RISE;
  const y =
    above - fontSize * ASCENT_EM >= 0
      ? above
      : Math.min(point.cy + LABEL_RISE + fontSize * ASCENT_EM, area.height - fontSize * DESCENT_EM);
  return { x, y, anchor };
}

/** A placed label as a box, for a renderer that positions boxes rather than SVG text (a link preview). */
export interface LabelBox {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Which side of the box the text keeps to (the placement's anchor). */
  align: LabelPlacement["anchor"];
}

/**
 * The box a label of `chars` characters at `fontSize` takes when placed by {@link placePointLabel}:
 * its baseline at the placement's y, its start (or end) at the placement's x.
 */
export function labelBox(place: LabelPlacement, chars: number, fontSize: number): LabelBox {
  const width = Math.ceil(chars * fontSize * CHAR_EM);
  return {
    left: place.anchor === "start" ? place.x : place.x - width,
    top: place.y - fontSize * ASCENT_EM,
    width,
    height: fontSize * (ASCENT_EM + DESCENT_EM),
    align: place.anchor,
  };
}
