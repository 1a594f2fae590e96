/** A zoomed window of the frontier plot, in metric units. */
export interface Zoom {
  x: [number, number];
  y: [number, number];
}

/**
 * Zoom and pan of one axis window, done in the axis's own space (log10 for a log axis) so a
 * log axis zooms evenly across decades.
 */
function toSpace(value: number, log: boolean): number {
  return log ? Math.log10(value) : value;
}

function fromSpace(value: number, log: boolean): number {
  return log ? 10 ** value : value;
}

/**
 * The window after zooming by `factor` (< 1 zooms in) around `focus`, a value inside the window
 * that stays at the same place on screen.
 */
export function zoomWindow(
  window: [number, number],
  focus: number,
  factor: number,
  log: boolean,
): [number, number] {
  const [lo, hi, f] = [toSpace(window[0], log), toSpace(window[1], log), toSpace(focus, log)];
  return [fromSpace(f + (lo - f) * factor, log), fromSpace(f + (hi - f) * factor, log)];
}

/** The window moved by `fraction` of its own width (positive moves it towards larger values). */
export function panWindow(window: [number, number], fraction: number, log: boolean): [number, number] {
  const [lo, hi] = [toSpace(window[0], log), toSpace(window[1], log)];
  const shift = (hi - lo) * fraction;
  return [fromSpace(lo + shift, log), fromSpace(hi + shift, log)];
}

/**
 * How far (px) a pointer must move with the button down before it pans the plot: under it, the
 * press is a click (on a point, it selects that α), so a hand's tremor never pans.
 */
export const DRAG_THRESHOLD_PX = 4;

/** Whether a pointer moved by (dx, dy) px since it was pressed is a drag rather than a click. */
export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) > DRAG_THRESHOLD_PX;
}

/**
 * The window after dragging the plot's content by (dx, dy) px over a plotting area of the given
 * size: the content follows the pointer, so the window moves the other way (up the screen is up
 * the y axis).
 */
export function dragWindow(
  window: Zoom,
  drag: { dx: number; dy: number },
  area: { width: number; height: number },
  logs: { x: boolean; y: boolean },
): Zoom {
  return {
    x: panWindow(window.x, -drag.dx / area.width, logs.x),
    y: panWindow(window.y, drag.dy / area.height, logs.y),
  };
}
