import { interpolateLab, piecewise } from "d3";
import { ALPHA_STOPS } from "./palette";

/**
 * One scale for both colour schemes: every stop reads on the light and the dark surface, and Lab
 * interpolation keeps each colour's luminance between its two stops', so every α does.
 */
const interpolate = piecewise(interpolateLab, [...ALPHA_STOPS]);

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
