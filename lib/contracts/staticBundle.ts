import type { ExplorerSnapshotData } from "./sharing";

/**
 * What a static bundle's data.js hands its viewer (as `window.alphascopeBundle`): the explorer's
 * pinned detail and frontier bodies and where they come from, for the footnote.
 */
export interface StaticBundleData {
  /** The experiment's slug. */
  experiment: string;
  /** The snapshot bundled; null for a bundle of an experiment's current version. */
  snapshotId: string | null;
  /** The data version the bodies are of. */
  version: string;
  /** When the data was pinned: the snapshot's creation, or the bundling of a current version (ISO 8601). */
  pinnedAt: string;
  title: string | null;
  /** The view's query string (without "?"); the address's parameters override it. */
  view: string;
  data: ExplorerSnapshotData;
}

/** The global data.js sets: a classic script, since a page opened from file:// cannot fetch JSON. */
export const STATIC_BUNDLE_GLOBAL = "alphascopeBundle";
