/**
 * Where a chart's tooltip goes inside its container (origin at the container's top left): beside
 * the hovered point, on its right where the tooltip fits there, else on its left, else (a phone's
 * narrow plot, where it fits on neither side) below the point, centred on it and kept inside the
 * container. A tooltip that ran past the container's edge would widen the page and let it scroll
 * sideways.
 */

/** The tooltip's width in pixels (its CSS width is set from this, so the geometry is exact). */
export const TOOLTIP_WIDTH = 240;
/** Distance from the point's centre to the tooltip's near edge. */
const TOOLTIP_GAP = 14;

export interface TooltipPlacement {
  left: number;
  top: number;
  width: number;
  /** "right"/"left": vertically centred on the point; "below": its top edge under the point. */
  side: "right" | "left" | "below";
}

export function placeTooltip(
  anchor: { x: number; y: number },
  containerWidth: number,
  width: number = TOOLTIP_WIDTH,
): TooltipPlacement {
  if (anchor.x + TOOLTIP_GAP + width <= containerWidth) {
    return { left: anchor.x + TOOLTIP_GAP, top: anchor.y, width, side: "right" };
  }
  if (anchor.x - TOOLTIP_GAP - width >= 0) {
    return { left: anchor.x - TOOLTIP_GAP - width, top: anchor.y, width, side: "left" };
  }
  const fitted = Math.min(width, containerWidth);
  const left = Math.min(Math.max(0, anchor.x - fitted / 2), containerWidth - fitted);
  return { left, top: anchor.y + TOOLTIP_GAP, width: fitted, side: "below" };
}
