import type { TestProject } from "vitest/node";
import { findChromium } from "../../scripts/support/chromium";
import { startApp } from "../../scripts/support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/** One production server with the demo sweep for the whole browser suite. */
export default async function setup(project: TestProject) {
  findChromium();
  // Built without Next's type check (`npm run typecheck` ran before in `npm test`) and without a build
  // cache (see next.config.ts).
  const app = await startApp({ env: { ALPHASCOPE_TEST_BUILD: "1" } });
  project.provide("baseUrl", app.baseUrl);
  return async () => {
    const code = await app.stop();
    if (code !== 0) throw new Error(`The launcher exited with code ${code} on SIGTERM:\n${app.log()}`);
  };
}
