"use client";

import { useEffect, useRef } from "react";

/** Elements that use ← and → themselves: text fields, menus, the α slider. */
const ARROW_CONTROLS =
  'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="slider"], [role="spinbutton"]';

/** Whether a key event comes from a control that uses the arrow keys itself. */
export function isFromArrowControl(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(ARROW_CONTROLS) !== null;
}

/**
 * Calls `onStep(-1)` on ← and `onStep(1)` on → pressed anywhere on the page, except in a control
 * that uses the arrows itself, with a modifier held, or when a handler already took the key.
 */
export function useStepKeys(onStep: (delta: -1 | 1) => void, enabled: boolean): void {
  const latest = useRef(onStep);
  useEffect(() => {
    latest.current = onStep;
  }, [onStep]);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (isFromArrowControl(event.target)) return;
      event.preventDefault();
      latest.current(event.key === "ArrowLeft" ? -1 : 1);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [enabled]);
}
