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
