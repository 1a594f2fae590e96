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
