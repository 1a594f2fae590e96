import { formatAlpha } from "../domain/alpha";

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** A timestamp as "28 May 2026, 14:03 UTC": fixed locale and zone so server and browser agree. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "—" : `${DATE_FORMAT.format(date)} UTC`;
}

/** The evaluated α range as "−1 … 2", one value when both ends coincide, "—" when nothing is evaluated. */
export function formatAlphaRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return "—";
  return min === max ? formatAlpha(min) : `${formatAlpha(min)} … ${formatAlpha(max)}`;
}

const COUNT_FORMAT = new Intl.NumberFormat("en-US");

/** An integer count with thousands separators. */
export function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

/** A 95% interval as "[lo, hi]" in the metric's format; "[CI computing…]" while it is not there yet. */
export function formatInterval(
  metric: { format(value: number): string },
  estimate: { lower: number | null; upper: number | null },
): string {
  if (estimate.lower === null || estimate.upper === null) return "[CI computing…]";
  return `[${metric.format(estimate.lower)}, ${metric.format(estimate.upper)}]`;
}

/**
 * A user-supplied text (name, id, label) cut to at most `max` characters with an ellipsis, for
 * places that cannot wrap it (SVG labels, select options). Cuts between code points, never inside one.
 */
export function ellipsize(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join("")}…`;
}

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
