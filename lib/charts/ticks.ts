import type { AxisScale } from "./axisScale";
import { px } from "./frame";

/** The first significant digit of a positive number (1 for 100, 2 for 0.02). */
function leadingDigit(value: number): number {
  return Math.round(value / 10 ** Math.floor(Math.log10(value) + 1e-9));
}

export interface Tick {
  value: number;
  /** Pixel position along the axis. */
  offset: number;
  label: string;
}

/**
 * About `count` ticks of a scale, labelled with the metric's own formatter. A log scale keeps only
 * the ticks d3 would label (1, 2, 5 × powers of ten) so labels never collide.
 */
export function axisTicks(scale: AxisScale, count: number, format: (value: number) => string): Tick[] {
  const ticks = scale.ticks(count);
  const isLog = "base" in scale;
  const kept =
    isLog && ticks.length > count ? ticks.filter((value) => [1, 2, 5].includes(leadingDigit(value))) : ticks;
  return kept.map((value) => ({ value, offset: px(scale(value)), label: format(value) }));
}

/** A reasonable tick count for an axis of this many pixels (one tick per `spacing` px, 2 to 10). */
export function tickCountFor(pixels: number, spacing = 80): number {
  return Math.max(2, Math.min(10, Math.round(pixels / spacing)));
}
