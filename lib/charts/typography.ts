import type { Margin } from "./frame";

/** Font sizes of a chart's text in CSS pixels (the SVGs are drawn 1:1, so these are the sizes on screen). */
export interface ChartType {
  /** Tick labels. */
  tick: number;
  /** Axis titles. */
  title: number;
  /** Labels on the plot (endpoint names). */
  label: number;
}

/** Dense type for a desk screen. */
export const SCREEN_TYPE: ChartType = { tick: 12, title: 12.5, label: 12.5 };

/** Type that reads from the back of a meeting room (tick and axis labels at least 16 px). */
export const PRESENTATION_TYPE: ChartType = { tick: 18, title: 20, label: 18 };

/**
 * The margins a chart needs for its axes in this type: the bottom and left margins hold tick labels
 * and axis titles, so they grow with the tick size; top and right hold no text.
 */
export function marginFor(margin: Margin, type: ChartType): Margin {
  const growth = type.tick / SCREEN_TYPE.tick;
  return { ...margin, bottom: Math.round(margin.bottom * growth), left: Math.round(margin.left * growth) };
}

/** Pixels per tick along an axis: labels need room in proportion to their size. */
export function tickSpacing(type: ChartType): number {
  return 80 * (type.tick / SCREEN_TYPE.tick);
}
