import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

const CANDIDATES = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * The Chromium binary the browser tests, the UI benchmark and the screenshot script drive. Never
 * downloads one: a missing browser is an error that says how to install it.
 */
export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new Error(`CHROMIUM_PATH=${configured} does not exist.`);
  }
  const found = CANDIDATES.find((path) => existsSync(path));
  if (found) return found;
  throw new Error(
    "No Chromium found (the browser tests, the UI benchmark and the screenshots need one). " +
      "Install Debian's Chromium with `apt-get install -y chromium` " +
      "(or set CHROMIUM_PATH to a Chromium/Chrome binary). The browser tests are never skipped.",
  );
}

/** Flags for headless Chromium on a machine with a closed network, running as root. */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

export interface ChromiumSession {
  context: BrowserContext;
  page: Page;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/** Headless Chromium on a fresh profile (no cookies, storage or cache from earlier runs), one page open. */
export async function launchChromium(
  options: { width?: number; height?: number; permissions?: string[] } = {},
): Promise<ChromiumSession> {
  const profile = mkdtempSync(join(tmpdir(), "alphascope-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    permissions: options.permissions,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
