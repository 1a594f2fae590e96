import { STATIC_BUNDLE_GLOBAL, type StaticBundleData } from "../contracts/staticBundle";

/** The prebuilt viewer a bundle carries (scripts/build-viewer.ts writes it; `npm run build` runs that). */
export interface ViewerFiles {
  /** A classic script (an IIFE, not a module: Chromium blocks module scripts from file://). */
  js: string;
  css: string;
}

/** One file of a bundle: its path inside the bundle's folder and its text (UTF-8). */
export interface BundleFile {
  path: string;
  text: string;
}

/** The file names of a bundle, each loaded by index.html. */
export const BUNDLE_FILES = {
  html: "index.html",
  data: "data.js",
  js: "viewer.js",
  css: "viewer.css",
} as const;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * data.js: the pinned data as a script setting one global from its JSON text, held in a string
 * literal; `<` is escaped anyway so no text in it can close a script element should someone inline
 * the file.
 */
export function bundleDataScript(bundle: StaticBundleData): string {
  // A string for JSON.parse, not an object literal: in a literal a key "__proto__" (a problem id,
  // a label) would set the object's prototype instead of being kept as data.
  const literal = JSON.stringify(JSON.stringify(bundle)).replace(/</g, "\\u003c");
  return `window.${STATIC_BUNDLE_GLOBAL} = JSON.parse(${literal});\n`;
}

/**
 * The Content-Security-Policy the page sets for itself: its own files only, and no connection
 * anywhere (the data is in data.js), so nothing leaves the machine even from a static host.
 * Inline style attributes are React's (chart geometry), never inline scripts.
 */
const BUNDLE_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'none'; base-uri 'none'; form-action 'none'";

/** index.html: the page that loads the stylesheet, the data and the viewer, with no network at all. */
export function bundleIndexHtml(bundle: StaticBundleData): string {
  const name = bundle.title ?? bundle.data.detail.name;
  const source =
    bundle.snapshotId === null ? `data version ${bundle.version}` : `snapshot ${bundle.snapshotId}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${BUNDLE_POLICY}">
<title>${escapeHtml(name)} · alphascope static copy</title>
<link rel="stylesheet" href="${BUNDLE_FILES.css}">
</head>
<body>
<main id="main" class="app-main"><div id="root"><noscript>This static copy of ${escapeHtml(source)} needs JavaScript.</noscript></div></main>
<script src="${BUNDLE_FILES.data}"></script>
<script src="${BUNDLE_FILES.js}"></script>
</body>
</html>
`;
}

/** Every file of a bundle of `bundle` drawn by `viewer`. */
export function staticBundleFiles(bundle: StaticBundleData, viewer: ViewerFiles): BundleFile[] {
  return [
    { path: BUNDLE_FILES.html, text: bundleIndexHtml(bundle) },
    { path: BUNDLE_FILES.data, text: bundleDataScript(bundle) },
    { path: BUNDLE_FILES.js, text: viewer.js },
    { path: BUNDLE_FILES.css, text: viewer.css },
  ];
}
