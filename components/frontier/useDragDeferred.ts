"use client";

import { startTransition, useEffect, useState } from "react";

/**
 * How long α must stay where a drag left it before what follows α away from the pointer updates:
 * longer than the gap between two moves of a moving pointer (8–17 ms at 60–125 Hz), short enough to
 * read as "when the pointer stops".
 */
export const DRAG_REST_MS = 100;

/**
 * What follows α away from the pointer (score tables, secondary charts, the selected point's
 * highlight, links): during a slider drag, the value where the pointer last rested — it updates
 * when α has not changed for {@link DRAG_REST_MS}, in a transition (a newer move interrupts it) —
 * so a move commits, lays out and paints only the slider and the plots' markers, and nothing else
 * renders between two moves for the next one to queue behind; otherwise — keys, clicks, typed α,
 * the drag's release — the value itself, in the same commit. `dragging`: the view's α differs from
 * the one its URL records (a drag writes the URL on release only).
 */
export function useDragDeferred<T>(value: T, dragging: boolean): T {
  const [rested, setRested] = useState(value);
  // Outside a drag it keeps up with the value (React re-runs this render at once), so a drag
  // starts from what was shown before it.
  if (!dragging && rested !== value) setRested(() => value);
  useEffect(() => {
    if (!dragging) return;
    const timer = window.setTimeout(() => startTransition(() => setRested(() => value)), DRAG_REST_MS);
    return () => window.clearTimeout(timer);
  }, [value, dragging]);
  return dragging ? rested : value;
}
