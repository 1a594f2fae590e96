/**
 * The one keyboard-shortcut registry of the app. Pages and components register the keys they
 * answer, each with a description, while they are mounted (through {@link useShortcuts} in
 * ./useShortcuts); one key listener dispatches to them, and the `?` overlay
 * (components/common/ShortcutsOverlay) lists what is registered. This half is pure, so the rules
 * (which events count, which registration wins) are unit-tested without a browser.
 *
 * To add a shortcut, register it where its action lives, e.g. stepping a deck:
 *
 *     useShortcuts(useMemo(() => [
 *       { key: "ArrowRight", group: "Deck", description: "Next view", run: next },
 *     ], [next]));
 */

/** One key and what it does. */
export interface Shortcut {
  /** `KeyboardEvent.key` that triggers it: "f", "?", "[", "Escape", "ArrowRight"… */
  key: string;
  /** What it does, as the overlay lists it ("Step to the next evaluated α"). */
  description: string;
  /** The overlay's section ("Presentation", "View", "Deck"…), in the order first registered. */
  group: string;
  run: () => void;
  /** Whether holding the key repeats it (stepping); off by default, so a held `f` acts once. */
  repeats?: boolean;
}

/** The parts of a DOM element the registry looks at (an interface, so tests pass plain objects). */
export interface ShortcutTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
  closest?(selector: string): unknown;
}

/** The parts of a `KeyboardEvent` the registry looks at. */
export interface ShortcutEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  defaultPrevented: boolean;
  target: unknown;
  preventDefault(): void;
}

/** Input types that take no typed text: keys pressed on them may still be shortcuts. */
const KEYLESS_INPUTS = new Set([
  "button",
  "checkbox",
  "color",
  "file",
  "image",
  "radio",
  "range",
  "reset",
  "submit",
]);

function isElementLike(target: unknown): target is ShortcutTarget {
  return (
    typeof target === "object" && target !== null && typeof (target as ShortcutTarget).tagName === "string"
  );
}

/**
 * Whether a key pressed on this target belongs to it, not to the shortcuts: text fields, selects
 * (a letter picks an option), editable content, and anything inside an open dialog (the dialog has
 * its own keys, and the page behind it is inert).
 */
export function ownsKeys(target: unknown): boolean {
  if (!isElementLike(target)) return false;
  const tag = target.tagName.toUpperCase();
  if (tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable) return true;
  if (tag === "INPUT" && !KEYLESS_INPUTS.has((target.type ?? "text").toLowerCase())) return true;
  return Boolean(target.closest?.("dialog[open]"));
}

/**
 * Controls that move with the arrow keys themselves (the α slider, number spinners, range inputs,
 * and the plots' point sets, where the arrows move focus from point to point).
 */
const ARROW_CONTROLS = '[role="slider"], [role="spinbutton"], input[type="range"], [role="listbox"]';

/** Whether an arrow key pressed on this target moves the control rather than the page (a deck step). */
export function ownsArrowKeys(target: unknown, key: string): boolean {
  return key.startsWith("Arrow") && isElementLike(target) && Boolean(target.closest?.(ARROW_CONTROLS));
}

/**
 * Whether an event may trigger a shortcut: no Ctrl, Meta or Alt (those are the browser's and the
 * system's; Shift is allowed because it is how `?` is typed), not already handled by a focused
 * control, not an arrow key on a control that moves with it (the α slider), and not typed into a field.
 */
export function isShortcutEvent(event: ShortcutEvent): boolean {
  return (
    !event.ctrlKey &&
    !event.metaKey &&
    !event.altKey &&
    !event.defaultPrevented &&
    !ownsKeys(event.target) &&
    !ownsArrowKeys(event.target, event.key)
  );
}

const KEY_LABELS: Record<string, string> = {
  Escape: "Esc",
  ArrowLeft: "←",
  ArrowRight: "→",
  ArrowUp: "↑",
  ArrowDown: "↓",
  " ": "Space",
};

/** How the overlay prints a key. */
export function keyLabel(key: string): string {
  return KEY_LABELS[key] ?? key;
}

export interface ShortcutRegistry {
  /** Adds shortcuts; returns the function that removes exactly them. */
  register(shortcuts: readonly Shortcut[]): () => void;
  /** The shortcuts in effect: one per key (the latest registration wins), in registration order. */
  list(): readonly Shortcut[];
  /** Calls `listener` whenever the list changes; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Runs the shortcut an event triggers, if any, and reports whether one ran. */
  handle(event: ShortcutEvent): boolean;
}

export function createShortcutRegistry(): ShortcutRegistry {
  let entries: { id: number; shortcut: Shortcut }[] = [];
  let nextId = 0;
  let active: readonly Shortcut[] = [];
  const listeners = new Set<() => void>();

  const changed = () => {
    const latest = new Map<string, { id: number; shortcut: Shortcut }>();
    for (const entry of entries) latest.set(entry.shortcut.key, entry);
    // A stable array between changes, as useSyncExternalStore requires.
    active = entries
      .filter((entry) => latest.get(entry.shortcut.key) === entry)
      .map((entry) => entry.shortcut);
    for (const listener of listeners) listener();
  };

  return {
    register(shortcuts) {
      const added = shortcuts.map((shortcut) => ({ id: nextId++, shortcut }));
      entries = [...entries, ...added];
      changed();
      return () => {
        entries = entries.filter((entry) => !added.includes(entry));
        changed();
      };
    },
    list: () => active,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    handle(event) {
      if (!isShortcutEvent(event)) return false;
      const shortcut = active.find((candidate) => candidate.key === event.key);
      if (!shortcut || (event.repeat && !shortcut.repeats)) return false;
      event.preventDefault();
      shortcut.run();
      return true;
    },
  };
}

/** The registry of the page in this browser tab. */
export const shortcutRegistry = createShortcutRegistry();
