import type { Zoom } from "../charts/zoom";
import { formatAlpha } from "../domain/alpha";
import type { DifficultySlice } from "../domain/difficulty";
import { parseDifficultyParam } from "./difficultyParam";
import { type Presentable, withPresentation } from "./presentation";
import {
  alphaParam,
  flagNotice,
  type ParsedUrlView,
  parseFlagParam,
  parseNumberParam,
  type UrlViewDefinition,
} from "./urlView";

// Declared with the chart geometry that uses it; re-exported for the explorer's components.
export type { Zoom };

/** Everything a share link must reproduce. */
export interface ExplorerView {
  alpha: number;
  x: string;
  y: string;
  xLog: boolean;
  yLog: boolean;
  difficulty: DifficultySlice;
  ci: boolean;
  /** Whether collapsed checkpoints compete for the Pareto set (they are left out by default). */
  includeCollapsed: boolean;
  zoom: Zoom | null;
}

/** What a view is checked against: the metrics this experiment has, its evaluated α, its non-empty slices. */
export interface ViewContext {
  metrics: readonly { id: string; label: string; allowsLog: boolean }[];
  /** Evaluated α, sorted ascending, at least one. */
  alphas: readonly number[];
  slices: readonly DifficultySlice[];
  defaultX: string;
  defaultY: string;
}

/** The α a fresh view opens at: the evaluated α nearest the middle of the interpolation range. */
function defaultAlpha(alphas: readonly number[]): number {
  return alphas.reduce((best, alpha) => (Math.abs(alpha - 0.5) < Math.abs(best - 0.5) ? alpha : best));
}

/** The view a link without parameters opens. */
export function defaultView(context: ViewContext): ExplorerView {
  return {
    alpha: defaultAlpha(context.alphas),
    x: context.defaultX,
    y: context.defaultY,
    xLog: false,
    yLog: false,
    difficulty: "all",
    ci: true,
    includeCollapsed: false,
    zoom: null,
  };
}

function parseZoom(text: string): Zoom | null {
  const parts = text.split(",").map(parseNumberParam);
  if (parts.length !== 4 || parts.some((part) => part === null)) return null;
  const [x0, x1, y0, y1] = parts as number[];
  return x0 < x1 && y0 < y1 ? { x: [x0, x1], y: [y0, y1] } : null;
}

/**
 * Reads a view from URL parameters. Every value is checked against the experiment; a missing value
 * takes its default silently, an invalid one takes its default and adds a notice. Never throws.
 */
export function parseView(params: URLSearchParams, context: ViewContext): ParsedUrlView<ExplorerView> {
  const view = defaultView(context);
  const notices: string[] = [];
  const alphaMin = context.alphas[0];
  const alphaMax = context.alphas[context.alphas.length - 1];

  const alphaText = params.get("alpha");
  if (alphaText !== null) {
    const alpha = parseNumberParam(alphaText);
    if (alpha === null)
      notices.push(`“${alphaText}” is not a number; showing α = ${formatAlpha(view.alpha)}.`);
    else if (alpha < alphaMin || alpha > alphaMax)
      notices.push(
        `α = ${formatAlpha(alpha)} is outside the evaluated range ${formatAlpha(alphaMin)} … ${formatAlpha(alphaMax)}, where there is no estimate; showing α = ${formatAlpha(view.alpha)}.`,
      );
    else view.alpha = alpha;
  }

  for (const axis of ["x", "y"] as const) {
    const id = params.get(axis);
    if (id === null) continue;
    if (context.metrics.some((metric) => metric.id === id)) view[axis] = id;
    else {
      const fallback = context.metrics.find((metric) => metric.id === view[axis])?.label ?? view[axis];
      notices.push(`Unknown ${axis} metric “${id}”; showing ${fallback}.`);
    }
  }

  for (const [axis, key] of [
    ["x", "xLog"],
    ["y", "yLog"],
  ] as const) {
    const text = params.get(`${axis}log`);
    if (text === null) continue;
    const log = parseFlagParam(text);
    const metric = context.metrics.find((candidate) => candidate.id === view[axis]);
    if (log === null) notices.push(flagNotice(`${axis}log`, text));
    else if (log && !metric?.allowsLog)
      notices.push(`${metric?.label ?? view[axis]} cannot use a log scale.`);
    else view[key] = log;
  }

  const difficulty = params.get("difficulty");
  if (difficulty !== null) {
    const parsed = parseDifficultyParam(difficulty, context.slices, "all");
    if ("slice" in parsed) view.difficulty = parsed.slice;
    else notices.push(parsed.notice);
  }

  const ciText = params.get("ci");
  if (ciText !== null) {
    const ci = parseFlagParam(ciText);
    if (ci === null) notices.push(flagNotice("ci", ciText));
    else view.ci = ci;
  }

  const collapsedText = params.get("collapsed");
  if (collapsedText !== null) {
    if (collapsedText === "include" || collapsedText === "exclude")
      view.includeCollapsed = collapsedText === "include";
    else
      notices.push(
        `Ignored collapsed=“${collapsedText}” (expected “include” or “exclude”); collapsed checkpoints are left out of the Pareto set.`,
      );
  }

  const zoomText = params.get("zoom");
  if (zoomText !== null) {
    const zoom = parseZoom(zoomText);
    const fitsLog = zoom !== null && (!view.xLog || zoom.x[0] > 0) && (!view.yLog || zoom.y[0] > 0);
    if (zoom && fitsLog) view.zoom = zoom;
    else
      notices.push(`Ignored zoom=“${zoomText}” (expected four numbers x0,x1,y0,y1 with x0 < x1, y0 < y1).`);
  }

  return { view, notices };
}

/** Plot coordinates keep 6 significant digits: far below a pixel, and short in a URL. */
function compact(value: number): number {
  return Number(value.toPrecision(6));
}

/**
 * A zoom window at the precision a link stores, so the view on screen is exactly the view a copied
 * link reopens.
 */
export function roundZoom(zoom: Zoom | null): Zoom | null {
  return zoom && { x: [compact(zoom.x[0]), compact(zoom.x[1])], y: [compact(zoom.y[0]), compact(zoom.y[1])] };
}

/**
 * Writes a view as URL parameters in a fixed order. Every key except zoom and collapsed is always
 * written, so a link reproduces the view even if the defaults change later; collapsed checkpoints
 * are out of the Pareto set unless a link says `collapsed=include` (a scientific default, kept).
 */
export function serializeView(view: ExplorerView): URLSearchParams {
  const params = new URLSearchParams();
  params.set("alpha", alphaParam(view.alpha));
  params.set("x", view.x);
  params.set("y", view.y);
  params.set("xlog", view.xLog ? "1" : "0");
  params.set("ylog", view.yLog ? "1" : "0");
  params.set("difficulty", view.difficulty);
  params.set("ci", view.ci ? "1" : "0");
  if (view.includeCollapsed) params.set("collapsed", "include");
  if (view.zoom)
    params.set("zoom", [...view.zoom.x, ...view.zoom.y].map((v) => String(compact(v))).join(","));
  return params;
}

/** The explorer's URL: α, axes and their scales, slice, intervals, collapsed checkpoints, zoom window and presentation mode. */
export const explorerViewDefinition: UrlViewDefinition<
  Presentable<ExplorerView>,
  ViewContext
> = withPresentation({ parse: parseView, serialize: serializeView });
