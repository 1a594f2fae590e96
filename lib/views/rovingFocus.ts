/**
 * Keyboard movement inside a group that is one tab stop (a roving tabindex, as in the WAI-ARIA
 * listbox and toolbar patterns): the arrow keys step to the next or previous item (Right and Down
 * forward, Left and Up back, stopping at the ends), Home and End jump to the ends.
 */
export function rovingIndex(key: string, index: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowRight":
    case "ArrowDown":
      return Math.min(count - 1, index + 1);
    case "ArrowLeft":
    case "ArrowUp":
      return Math.max(0, index - 1);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/**
 * Which item of the group holds its tab stop: the one focused last while focus was inside, else
 * the selected one, else the first; null for an empty group. Keys not among `keys` are ignored
 * (a point zoomed out of view cannot be focused).
 */
export function tabStopKey(
  keys: readonly string[],
  focused: string | null,
  selected: string | null,
): string | null {
  if (focused !== null && keys.includes(focused)) return focused;
  if (selected !== null && keys.includes(selected)) return selected;
  return keys[0] ?? null;
}
