// `npm run build` (before `next build`), the launcher and the test setups: builds a static bundle's
// viewer — the explorer's own React components (components/bundle/main.tsx) as one classic script
// and one stylesheet — into .static-viewer/, which `alphascope bundle` and
// GET /api/snapshots/<id>/bundle copy beside the data. Classic, not a module: Chromium refuses module
// scripts on a page opened from file://.
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { paletteCss } from "../lib/charts/palette";
import { VIEWER_DIR } from "../lib/server/staticBundle";

const root = process.cwd();

/** The app's stylesheets, in the order the root layout loads them. */
const APP_STYLES = ["app/globals.css", "app/presentation.css", "app/print.css"];

/**
 * What a static copy hides: the ways to the server's other pages (problems, scaling, glossary),
 * which the copy does not have.
 */
const STATIC_COPY_CSS = ".explorer-links,.glossary-link{display:none}";

export async function buildViewer(outDir: string = join(root, VIEWER_DIR)): Promise<void> {
  // Built beside the folder and swapped in, so a reader never finds half a viewer.
  const work = `${outDir}.work-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  await build({
    entryPoints: { viewer: join(root, "components/bundle/main.tsx") },
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2022",
    minify: true,
    legalComments: "none",
    jsx: "automatic",
    outdir: work,
    // Next's router is not there: its two modules the explorer imports are replaced by plain ones.
    alias: {
      "next/link": join(root, "components/bundle/StaticLink.tsx"),
      "next/navigation": join(root, "components/bundle/staticNavigation.ts"),
      "@": root,
    },
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "warning",
    // The components' "use client" markers mean nothing outside Next.
    logOverride: { "unsupported-directive": "silent" },
  });
  await build({
    stdin: {
      contents: APP_STYLES.map((file) => `@import "./${file}";`).join("\n"),
      resolveDir: root,
      loader: "css",
    },
    bundle: true,
    minify: true,
    outfile: join(work, "app.css"),
    logLevel: "warning",
  });
  const css = [
    paletteCss(),
    readFileSync(join(work, "app.css"), "utf8"),
    readFileSync(join(work, "viewer.css"), "utf8"),
    STATIC_COPY_CSS,
  ].join("\n");
  writeFileSync(join(work, "viewer.css"), `${css}\n`);
  rmSync(join(work, "app.css"));
  rmSync(outDir, { recursive: true, force: true });
  renameSync(work, outDir);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildViewer();
  console.log(`Built the static bundle's viewer into ${VIEWER_DIR}/.`);
}
