/**
 * Where α sits on the path θ(α) = (1−α)·θ_A + α·θ_B: the endpoints A (α = 0) and B (α = 1),
 * interpolation strictly between them, extrapolation outside [0, 1].
 */
export type AlphaKind = "endpoint" | "interpolated" | "extrapolated";

export function alphaKind(alpha: number): AlphaKind {
  if (alpha === 0 || alpha === 1) return "endpoint";
  return alpha > 0 && alpha < 1 ? "interpolated" : "extrapolated";
}

/** A human description of α, e.g. "extrapolation beyond B" (used for aria-valuetext and labels). */
export function describeAlpha(alpha: number): string {
  if (alpha === 0) return "endpoint A";
  if (alpha === 1) return "endpoint B";
  if (alpha < 0) return "extrapolation beyond A";
  if (alpha > 1) return "extrapolation beyond B";
  return "interpolation between A and B";
}

/** α printed the way researchers write it: up to 4 decimals, no trailing zeros, a real minus sign. */
export function formatAlpha(alpha: number): string {
  const text = String(Number(alpha.toFixed(4)));
  return text.startsWith("-") ? `−${text.slice(1)}` : text;
}
