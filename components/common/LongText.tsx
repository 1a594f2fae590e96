import type { CSSProperties } from "react";

/** Texts longer than this may be clamped somewhere, so they carry their full text as a tooltip. */
const TOOLTIP_FROM = 80;

interface LongTextProps {
  /** A user-supplied name, id or label: any length, possibly without a space to wrap at. */
  text: string;
  /** Lines shown before the text is cut with an ellipsis. */
  lines?: number;
  className?: string;
}

/**
 * Shows a user-supplied text so that no length can widen the page: it wraps anywhere, stops after
 * `lines` lines with an ellipsis, and a long one keeps its full text in a tooltip. Inside a table
 * its width is capped (see .long-text in globals.css), so one long value cannot take every column's room.
 */
export function LongText({ text, lines = 2, className }: LongTextProps) {
  return (
    <span
      className={className ? `long-text ${className}` : "long-text"}
      // Two lines is the stylesheet's default: a page of 50 rows leaves 150 of these attributes out.
      style={lines === 2 ? undefined : ({ "--long-text-lines": lines } as CSSProperties)}
      title={text.length > TOOLTIP_FROM ? text : undefined}
    >
      {text}
    </span>
  );
}
