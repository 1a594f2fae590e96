import { interpolateLab, piecewise } from "d3";

/**
 * Stops of the α colour scale, from far A-side extrapolation to far B-side extrapolation: the
 * orange–purple pair of ColorBrewer PuOr (safe for the common colour-vision deficiencies), with a
 * neutral grey in the middle of [0, 1] instead of PuOr's near-white so every α stays visible on white.
 */
const STOPS = ["#7f3b08", "#c8620f", "#6e6e6e", "#6b4f98", "#2d004b"];

const interpolate = piecewise(interpolateLab, STOPS);

/**
 * Where α sits on the colour ramp (0–1): [α_min, 0] maps to [0, 0.25], the interpolation range
 * [0, 1] to [0.25, 0.75] and [1, α_max] to [0.75, 1], so the ramp diverges around [0, 1] whatever
 * the extrapolation reach on each side.
 */
export function alphaRampPosition(alpha: number, alphaMin: number, alphaMax: number): number {
  if (alpha <= 0) return alphaMin < 0 ? 0.25 * Math.max(0, 1 - alpha / alphaMin) : 0.25;
  if (alpha >= 1) return alphaMax > 1 ? 0.75 + 0.25 * Math.min(1, (alpha - 1) / (alphaMax - 1)) : 0.75;
  return 0.25 + 0.5 * alpha;
}

/** The colour of α in an experiment evaluated over [alphaMin, alphaMax], as a CSS rgb() string. */
export function alphaColor(alpha: number, alphaMin: number, alphaMax: number): string {
  return interpolate(alphaRampPosition(alpha, alphaMin, alphaMax));
}
