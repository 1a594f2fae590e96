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

/** The axe violations of the WCAG 2.1 A/AA rules on the page, every impact. */
export async function axeViolations(target: Page): Promise<axe.Result[]> {
  await target.addScriptTag({ content: axe.source });
  const results = await target.evaluate(() =>
    (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
      // Every rule still runs on every element; the passing, incomplete and inapplicable results are cut
      // to one node each (axe's documented speed-up for large pages: no selector for every passing node).
      resultTypes: ["violations"],
    }),
  );
  return results.violations;
}

/** One violation as "rule: elements", what a failing assertion shows. */
export const violationText = (violation: axe.Result): string =>
  `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`;

/** The serious and critical axe violations of the WCAG 2.1 A/AA rules on the page, as "rule: elements". */
export async function seriousViolations(target: Page): Promise<string[]> {
  return (await axeViolations(target))
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(violationText);
}
