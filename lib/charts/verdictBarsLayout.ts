import { scaleBand, scaleLinear, stack } from "d3";
import { formatAlpha } from "../domain/alpha";
import { VERDICTS, type Verdict, type VerdictCounts } from "../domain/verdicts";
import { chartFrame, type Frame, px } from "./frame";
import { axisTicks, type Tick } from "./ticks";

/** One evaluated α's verdict counts. */
export interface VerdictBarInput {
  alpha: number;
  n: number;
  verdicts: VerdictCounts;
}

export interface VerdictSegment {
  verdict: Verdict;
  x: number;
  y: number;
  width: number;
  height: number;
  /** This verdict's share of the α's samples. */
  share: number;
}

export interface VerdictBarsLayout {
  frame: Frame;
  /** One stacked bar per α (pass at the bottom), segments of zero height left out. */
  bars: { alpha: number; segments: VerdictSegment[] }[];
  /** One label per bar, thinned so labels never overlap. */
  xTicks: Tick[];
  yTicks: Tick[];
}

export const VERDICT_BARS_MARGIN = { top: 12, right: 12, bottom: 40, left: 52 };

/** The narrowest room an α label needs. */
const LABEL_PX = 34;

/**
 * One problem's verdict composition at every evaluated α as stacked bars of shares (each bar sums to
 * 1), α in order with equal spacing. Drawn as bars, not an area: one problem's α are separate
 * measurements, and a single α still shows.
 */
export function layoutVerdictBars(
  inputs: readonly VerdictBarInput[],
  width: number,
  height: number,
): VerdictBarsLayout {
  const frame = chartFrame(width, height, VERDICT_BARS_MARGIN);
  const x = scaleBand<number>()
    .domain(inputs.map((_, i) => i))
    .range([0, frame.innerWidth])
    .paddingInner(0.15)
    .paddingOuter(0.1);
  const y = scaleLinear().domain([0, 1]).range([frame.innerHeight, 0]);
  const rows = inputs.map((input) =>
    Object.fromEntries(
      VERDICTS.map((verdict) => [verdict, input.n > 0 ? input.verdicts[verdict] / input.n : 0]),
    ),
  ) as Record<Verdict, number>[];
  const series = stack<Record<Verdict, number>, Verdict>().keys(VERDICTS)(rows);
  const bars = inputs.map((input, i) => ({
    alpha: input.alpha,
    segments: series.flatMap((s) => {
      const [low, high] = s[i];
      if (high - low <= 0) return [];
      return [
        {
          verdict: s.key,
          x: px(x(i) ?? 0),
          y: px(y(high)),
          width: px(x.bandwidth()),
          height: px(y(low) - y(high)),
          share: high - low,
        },
      ];
    }),
  }));
  const every = Math.max(1, Math.ceil((LABEL_PX * inputs.length) / frame.innerWidth));
  return {
    frame,
    bars,
    xTicks: inputs.flatMap((input, i) =>
      i % every === 0
        ? [
            {
              value: input.alpha,
              offset: px((x(i) ?? 0) + x.bandwidth() / 2),
              label: formatAlpha(input.alpha),
            },
          ]
        : [],
    ),
    yTicks: axisTicks(y, 5, (value) => `${Math.round(value * 100)}%`),
  };
}
