import { extent, type ScaleContinuousNumeric, scaleLinear, scaleLog } from "d3";

export type AxisScale = ScaleContinuousNumeric<number, number>;

export interface AxisScaleOptions {
  /** Every value the axis must show (points and, when drawn, their interval bounds). */
  values: readonly number[];
  /** Pixel range, e.g. [left, right] or [bottom, top]. */
  range: [number, number];
  log: boolean;
  /** An explicit window (zoom) that replaces the fitted domain. */
  domain?: [number, number] | null;
}

/** Fraction of the data span added on each side so points do not sit on the frame. */
const PADDING = 0.06;

/** The fitted domain of some values: padded, never empty, strictly positive for a log axis. */
export function fitDomain(values: readonly number[], log: boolean): [number, number] {
  const usable = values.filter((value) => Number.isFinite(value) && (!log || value > 0));
  const [min, max] = extent(usable);
  if (min === undefined || max === undefined) return log ? [1, 10] : [0, 1];
  if (log) {
    const [lo, hi] = [Math.log10(min), Math.log10(max)];
    const pad = Math.max((hi - lo) * PADDING, 0.05);
    return [10 ** (lo - pad), 10 ** (hi + pad)];
  }
  const pad = max > min ? (max - min) * PADDING : Math.max(Math.abs(max) * 0.05, 0.01);
  return [min - pad, max + pad];
}

/**
 * A linear or log scale over the values (or the zoom window). Log scales clamp, so a value ≤ 0 that
 * a log axis cannot place sits on the axis edge instead of vanishing off the chart.
 */
export function createAxisScale({ values, range, log, domain }: AxisScaleOptions): AxisScale {
  const fitted = domain ?? fitDomain(values, log);
  return log ? scaleLog().domain(fitted).range(range).clamp(true) : scaleLinear().domain(fitted).range(range);
}
