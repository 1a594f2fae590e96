"use client";

import { type FocusEvent, type KeyboardEvent, useRef, useState } from "react";
import { rovingIndex, tabStopKey } from "@/lib/views/rovingFocus";

/** The text a screen reader gives the point set, and what the keys do in it. */
const POINT_SET_LABEL = "Evaluated α: arrow keys move between points, Enter or Space selects";

/**
 * A plot's points as ONE tab stop (a listbox with a roving tabindex), so Tab moves past the whole
 * set in one press: the arrow keys move focus from point to point in the order of `keys`, Home and
 * End to the ends, Enter or Space (or a click) selects. The tab stop is the point focused last
 * while focus was inside, else the selected one, else the first.
 */
export function useRovingPoints(
  keys: readonly string[],
  selectedKey: string | null,
  onSelect: (key: string) => void,
) {
  const listRef = useRef<SVGGElement>(null);
  const [focused, setFocused] = useState<string | null>(null);
  const tabStop = tabStopKey(keys, focused, selectedKey);

  const keyOf = (target: EventTarget): string | null =>
    target instanceof Element ? target.getAttribute("data-key") : null;

  const listProps = {
    ref: listRef,
    "aria-label": POINT_SET_LABEL,
    onFocus: (event: FocusEvent<SVGGElement>) => setFocused(keyOf(event.target)),
    onBlur: (event: FocusEvent<SVGGElement>) => {
      // Leaving the set: the next visit starts at the selected point again.
      if (!event.currentTarget.contains(event.relatedTarget)) setFocused(null);
    },
    onKeyDown: (event: KeyboardEvent<SVGGElement>) => {
      const key = keyOf(event.target);
      if (key === null) return;
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        onSelect(key);
        return;
      }
      const next = rovingIndex(event.key, keys.indexOf(key), keys.length);
      if (next === null) return;
      event.preventDefault();
      const options = listRef.current?.querySelectorAll<SVGGElement>('[role="option"]');
      options?.[next]?.focus();
    },
  } as const;

  const pointProps = (key: string) =>
    ({
      tabIndex: key === tabStop ? 0 : -1,
      "data-key": key,
      onClick: () => onSelect(key),
    }) as const;

  // The caller gives the holder role="listbox" and each point role="option" (with aria-selected).
  return { listProps, pointProps };
}
