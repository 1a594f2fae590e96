"use client";

import { useDeferredValue } from "react";

/**
 * What follows α away from the pointer (score tables, secondary charts, the selected point's
 * highlight, links): during a slider drag, a deferred copy, so a move commits only the slider and
 * the plot's marker and React renders the rest when the main thread is free (a newer move
 * interrupts it); otherwise — keys, clicks, typed α, the drag's release — the value itself, in the
 * same commit. `dragging`: the view's α differs from the one its URL records (a drag writes the URL
 * on release only).
 */
export function useDragDeferred<T>(value: T, dragging: boolean): T {
  const deferred = useDeferredValue(value);
  return dragging ? deferred : value;
}
