import { createRoot } from "react-dom/client";
import { STATIC_BUNDLE_GLOBAL, type StaticBundleData } from "@/lib/contracts/staticBundle";
import { StaticExplorer } from "./StaticExplorer";

/*
 * The entry point of a static bundle's viewer.js (built ahead of time by scripts/build-viewer.ts
 * into one classic script): reads what data.js set and draws the explorer.
 */

const bundle = (window as unknown as Record<string, StaticBundleData | undefined>)[STATIC_BUNDLE_GLOBAL];
const root = document.getElementById("root");
if (root) {
  if (bundle) createRoot(root).render(<StaticExplorer bundle={bundle} search={window.location.search} />);
  else root.textContent = "This static copy's data (data.js) is missing: keep the folder's files together.";
}
