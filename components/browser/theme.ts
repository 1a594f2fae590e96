/**
 * The colour scheme a reader chose with the header's switch: follow the system's preference, or
 * one scheme whatever the system says. Kept in localStorage ("system" is the absence of a choice)
 * and shown as data-theme on <html>, which app/globals.css turns into `color-scheme`.
 */
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_STORAGE_KEY = "alphascope-theme";

/** A stored (or submitted) value as a choice: anything but "light" or "dark" follows the system. */
export function parseThemeChoice(value: string | null): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/** Marks <html> with a chosen scheme, or unmarks it so the system's preference applies. */
export function applyThemeChoice(root: HTMLElement, choice: ThemeChoice): void {
  if (choice === "system") delete root.dataset.theme;
  else root.dataset.theme = choice;
}

/**
 * Applies the stored choice to <html>. Runs as an inline script in <head> (THEME_BOOT_SCRIPT),
 * before the body is parsed, so a page opens in the chosen scheme instead of painting the system's
 * first (a React effect would run only after the first paint). It is serialised with toString, so it
 * must use nothing from outside its body.
 */
export function bootTheme(key: string): void {
  try {
    const stored = window.localStorage.getItem(key);
    if (stored === "light" || stored === "dark") document.documentElement.dataset.theme = stored;
  } catch {
    // Storage is unavailable (blocked, private mode): the page follows the system's preference.
  }
}

/** The inline script of the root layout's <head> (it carries the page's CSP nonce). */
export const THEME_BOOT_SCRIPT = `(${bootTheme.toString()})(${JSON.stringify(THEME_STORAGE_KEY)})`;
