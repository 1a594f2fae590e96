"use client";

import { useSyncExternalStore } from "react";
import {
  applyThemeChoice,
  parseThemeChoice,
  THEME_STORAGE_KEY,
  type ThemeChoice,
} from "@/components/browser/theme";
import { useHydrated } from "@/components/browser/useHydrated";

const CHANGE_EVENT = "alphascope:theme";
/** The choice of this page when storage is unavailable (it then lasts until the page is left). */
let unstoredChoice: ThemeChoice = "system";

function storedChoice(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return unstoredChoice;
  }
}

/** Follows choices made here and in other tabs (the storage event), which apply to this page too. */
function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key !== THEME_STORAGE_KEY && event.key !== null) return;
    applyThemeChoice(document.documentElement, storedChoice());
    onChange();
  };
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

function choose(choice: ThemeChoice): void {
  unstoredChoice = choice;
  try {
    if (choice === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Storage is unavailable: the choice applies to this page only.
  }
  applyThemeChoice(document.documentElement, choice);
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

/**
 * The header's theme switch: system, light or dark (the options name themselves, so the header needs
 * no visible label). The server cannot know the stored choice, so it renders "System theme" and the
 * browser shows the stored one after hydration; the page's colours were right from the first paint
 * (ThemeHead's script).
 */
export function ThemeSwitch() {
  const choice = useSyncExternalStore(subscribe, storedChoice, () => "system" as const);
  // True once hydrated: the server (and hydration) render false (tests wait for the switch to work).
  const hydrated = useHydrated();
  return (
    <label className="theme-switch">
      <span className="visually-hidden">Colour scheme</span>
      <select
        value={choice}
        onChange={(event) => choose(parseThemeChoice(event.target.value))}
        data-testid="theme-switch"
        data-ready={hydrated ? "true" : undefined}
      >
        <option value="system">System theme</option>
        <option value="light">Light theme</option>
        <option value="dark">Dark theme</option>
      </select>
    </label>
  );
}
