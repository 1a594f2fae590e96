import { contrastRatio } from "./contrast";

/**
 * Every colour of alphascope, once, with its light and its dark value. The page, its charts, an
 * exported chart file and a link-preview image all read them from here: the page and the charts
 * through CSS variables (`paletteVar`, defined on :root by `paletteCss`, which the root layout puts
 * in every page's head), the preview image and the exports through the light values. A unit test
 * (tests/unit/charts/palette.test.ts) holds every text and mark colour to WCAG contrast on the
 * surfaces it sits on, in both schemes.
 */
export type ColorScheme = "light" | "dark";

interface SchemeColor {
  light: string;
  dark: string;
}

/** One value for both schemes (the colour reads on either background). */
const both = (value: string): SchemeColor => ({ light: value, dark: value });

export const PALETTE = {
  // Page and panels.
  bg: { light: "#f5f6f8", dark: "#0e1116" },
  surface: { light: "#ffffff", dark: "#171b22" },
  "surface-sunken": { light: "#f0f2f5", dark: "#1e232b" },
  "surface-hover": { light: "#f7f9fc", dark: "#1c2129" },
  border: { light: "#d5dae1", dark: "#323945" },
  "border-strong": { light: "#aab2bd", dark: "#5a6472" },
  skeleton: { light: "#e3e7ec", dark: "#262c36" },
  // Text.
  text: { light: "#14171c", dark: "#e4e8ee" },
  "text-muted": { light: "#4f5865", dark: "#a2acb9" },
  "text-disabled": { light: "#6b7380", dark: "#8a93a0" },
  accent: { light: "#3451c6", dark: "#8fa8ff" },
  "accent-strong": { light: "#2a43a8", dark: "#b3c3ff" },
  "accent-soft": { light: "#e8edfc", dark: "#252f52" },
  /** Text on an accent background (primary buttons, the checked segment). */
  "on-accent": { light: "#ffffff", dark: "#0e1116" },
  "on-accent-muted": { light: "#e6eaff", dark: "#27314f" },
  focus: { light: "#1f6feb", dark: "#5a9bff" },
  /** The tint behind a hovered or focused chart point. */
  "focus-soft": { light: "#1f6feb24", dark: "#5a9bff33" },
  // States.
  positive: { light: "#17703a", dark: "#5cc98a" },
  "positive-bg": { light: "#e6f4ea", dark: "#183524" },
  "positive-border": { light: "#9fd0ae", dark: "#2f6e47" },
  negative: { light: "#b3261e", dark: "#ff8a80" },
  "warning-bg": { light: "#fff5e0", dark: "#35280d" },
  "warning-border": { light: "#e3a33b", dark: "#8f6519" },
  "warning-text": { light: "#6b4200", dark: "#f0c36a" },
  "danger-bg": { light: "#fdecea", dark: "#3a1816" },
  "danger-border": { light: "#e0867f", dark: "#9c463f" },
  estimate: { light: "#7a4fb0", dark: "#bb9cf0" },
  "estimate-bg": { light: "#f3edfa", dark: "#2a2140" },
  "estimate-border": { light: "#c7b2e3", dark: "#5e4a85" },
  /** Collapsed checkpoints (they fail by crashing): marked, never mistaken for a good point. */
  collapsed: { light: "#b3261e", dark: "#ff8a80" },
  "collapsed-bg": { light: "#fdecea", dark: "#3a1816" },
  // Chart marks.
  "chart-axis": { light: "#5a6270", dark: "#8a94a3" },
  "chart-grid": { light: "#e6e9ee", dark: "#262c35" },
  /** The α path through the checkpoints. */
  "chart-path": { light: "#4d5664", dark: "#9aa4b2" },
  /** The Pareto frontier's staircase and the word "Pareto-optimal" in tooltips. */
  "chart-frontier": { light: "#0f766e", dark: "#3cc4b4" },
  /** Legend samples that stand for any α. */
  "chart-neutral": { light: "#444444", dark: "#aab3bf" },
  /** The interpolation range [0, 1] shaded behind small multiples. */
  "chart-band": { light: "#eef0f4", dark: "#1f242c" },
  "slider-rail": { light: "#c3c9d2", dark: "#4a5360" },
  "slider-range": { light: "#6f7a89", dark: "#8d97a5" },
  /*
   * Compared experiments: Okabe–Ito blue, vermillion, bluish green and reddish purple (told apart
   * with the common colour-vision deficiencies; marker shapes tell them apart where colour cannot),
   * lighter on the dark background.
   */
  "series-1": { light: "#0072b2", dark: "#4aa3df" },
  "series-2": { light: "#d55e00", dark: "#ef7a2d" },
  "series-3": { light: "#009e73", dark: "#1fbf8f" },
  "series-4": { light: "#cc79a7", dark: "#d98cb8" },
  /** Difficulty slices drawn as lines (easy shares series 1's blue; all is drawn in the text colour). */
  "slice-medium": { light: "#8a5a00", dark: "#d19a2a" },
  "slice-hard": { light: "#c0392b", dark: "#ff7b6e" },
  /** Verdict fills (Okabe–Ito based), the same on both backgrounds. */
  "verdict-pass": both("#009e73"),
  "verdict-wrong-answer": both("#d55e00"),
  "verdict-time-limit": both("#0072b2"),
  "verdict-runtime-error": both("#cc79a7"),
  "verdict-compile-error": both("#e69f00"),
  "verdict-other": both("#8c8c8c"),
} as const satisfies Record<string, SchemeColor>;

export type PaletteColor = keyof typeof PALETTE;

/** A palette colour as a CSS value that follows the page's scheme. */
export function paletteVar(name: PaletteColor): string {
  return `var(--${name})`;
}

/** Every palette colour of one scheme, as concrete values (for images and files, which have no stylesheet). */
export function schemeColors(scheme: ColorScheme): Record<PaletteColor, string> {
  return Object.fromEntries(Object.entries(PALETTE).map(([name, value]) => [name, value[scheme]])) as Record<
    PaletteColor,
    string
  >;
}

/** The light values: printed pages, exported charts and link previews are light (see README, "Dark mode"). */
export const LIGHT_COLORS = schemeColors("light");

/**
 * The palette as CSS custom properties on :root. `light-dark()` picks a value by the element's
 * `color-scheme` (app/globals.css sets it from the system preference or the theme switch), so a
 * chart given `color-scheme: light` (an export) resolves every variable to its light value.
 */
export function paletteCss(): string {
  const declarations = Object.entries(PALETTE).map(([name, { light, dark }]) =>
    light === dark ? `--${name}:${light}` : `--${name}:light-dark(${light},${dark})`,
  );
  return `:root{${declarations.join(";")}}`;
}

/**
 * Stops of the α colour scale, from far A-side extrapolation to far B-side extrapolation: the
 * orange–purple pair of ColorBrewer PuOr (safe for the common colour-vision deficiencies) with a
 * grey at the middle of [0, 1]. PuOr's ends are darkened or lightened towards mid-luminance so every
 * α keeps 3:1 contrast on the light and on the dark surface alike; the far ends differ from A and B
 * by depth (orange side) and saturation (purple side) instead.
 */
export const ALPHA_STOPS = ["#b35806", "#d66b0f", "#767676", "#8073ac", "#8a4fd0"] as const;

/** The compared experiments' colours, in order. */
export const SERIES_COLORS = [
  "series-1",
  "series-2",
  "series-3",
  "series-4",
] as const satisfies readonly PaletteColor[];

const BLACK = "#000000";
const WHITE = "#ffffff";

/** Black or white, whichever reads better on `background` (a concrete colour, e.g. an α colour). */
export function readableInk(background: string): string {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? BLACK : WHITE;
}
