import axe from "axe-core";
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { type ChromiumSession, launchChromium } from "../../scripts/support/chromium";

export type BrowserSession = ChromiumSession;

/** A fresh Chromium profile (no shared cookies, storage or cache) with one page open and clipboard access. */
export function openBrowser(options: { width?: number; height?: number } = {}): Promise<BrowserSession> {
  return launchChromium({ ...options, permissions: ["clipboard-read", "clipboard-write"] });
}

/** Base URL of the production server the e2e global setup started. */
export function baseUrl(): string {
  return inject("baseUrl");
}

/** The serious and critical axe violations of the WCAG 2.1 A/AA rules on the page, as "rule: elements". */
export async function seriousViolations(target: Page): Promise<string[]> {
  await target.addScriptTag({ content: axe.source });
  const results = await target.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    }),
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
