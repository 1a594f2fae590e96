"use client";

import { useEffect, useSyncExternalStore } from "react";
import { type Shortcut, shortcutRegistry } from "../../lib/views/shortcuts";

let listeners = 0;
const onKeyDown = (event: KeyboardEvent) => shortcutRegistry.handle(event);

/**
 * Registers shortcuts while the calling component is mounted (see ./shortcuts). Pass a memoized
 * array: a new array re-registers. One key listener on the window serves every registration.
 */
export function useShortcuts(shortcuts: readonly Shortcut[]): void {
  useEffect(() => {
    const unregister = shortcutRegistry.register(shortcuts);
    if (listeners++ === 0) window.addEventListener("keydown", onKeyDown);
    return () => {
      unregister();
      if (--listeners === 0) window.removeEventListener("keydown", onKeyDown);
    };
  }, [shortcuts]);
}

const NONE: readonly Shortcut[] = [];

/** The shortcuts in effect, for the overlay (none during server rendering). */
export function useRegisteredShortcuts(): readonly Shortcut[] {
  return useSyncExternalStore(shortcutRegistry.subscribe, shortcutRegistry.list, () => NONE);
}
