/** A share (0–1) as a percentage with one decimal, e.g. "82.4%". */
export function formatPercent(share: number): string {
  return Number.isFinite(share) ? `${(share * 100).toFixed(1)}%` : "—";
}

/** A difference of shares in points with its sign and a real minus, e.g. "+3.2" or "−0.4". */
export function formatPoints(gain: number): string {
  if (!Number.isFinite(gain)) return "—";
  const text = (gain * 100).toFixed(1);
  if (text === "0.0" || text === "-0.0") return "0.0";
  return gain > 0 ? `+${text}` : `−${text.slice(1)}`;
}
