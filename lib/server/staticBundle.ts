import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type ExplorerSnapshotData, SNAPSHOT_ID_PATTERN } from "../contracts/sharing";
import type { StaticBundleData } from "../contracts/staticBundle";
import type { Db } from "../db/client";
import { snapshotById } from "../db/queries/snapshots";
import { isSlug } from "../domain/slug";
import { type BundleFile, staticBundleFiles, type ViewerFiles } from "../responses/staticBundle";
import { computeOffThread, requireComputeCapacity } from "./compute/pool";
import { ApiError, NotFoundError } from "./errors";
import { pinData } from "./sharing/pinData";
import { findSnapshot } from "./sharing/snapshots";

/**
 * Where scripts/build-viewer.ts writes the prebuilt viewer, under the project directory (the one
 * the server and the CLI run from, as for the compute pool's thread file).
 */
export const VIEWER_DIR = ".static-viewer";

/** The viewer has not been built: a fault of the installation, said in words. */
class ViewerMissingError extends ApiError {
  constructor(dir: string) {
    super(503, "unavailable", `The static bundle's viewer is not built (${dir}): run \`npm run build\`.`);
  }
}

/** The prebuilt viewer (viewer.js, viewer.css). */
export async function readViewer(dir: string = join(process.cwd(), VIEWER_DIR)): Promise<ViewerFiles> {
  try {
    const [js, css] = await Promise.all([
      readFile(join(dir, "viewer.js"), "utf8"),
      readFile(join(dir, "viewer.css"), "utf8"),
    ]);
    return { js, css };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new ViewerMissingError(dir);
    throw error;
  }
}

/** A pinned explorer snapshot as a bundle's data; 404 when there is none, or it pins the scaling page. */
export async function snapshotBundleData(db: Db, id: string): Promise<StaticBundleData> {
  const snapshot = await findSnapshot(db, id);
  if (snapshot.page !== "explorer" || snapshot.experimentSlug === null)
    throw new NotFoundError(
      `Snapshot "${id}" pins the ${snapshot.page} page; a static bundle holds an explorer view only.`,
    );
  return {
    experiment: snapshot.experimentSlug,
    snapshotId: snapshot.id,
    version: snapshot.version,
    pinnedAt: snapshot.createdAt.toISOString(),
    title: snapshot.title,
    view: snapshot.view,
    data: JSON.parse(snapshot.data) as ExplorerSnapshotData,
  };
}

/**
 * An experiment's current version as a bundle's data: the bodies a snapshot of its explorer would
 * pin (404 for an unknown experiment, 503 while its intervals are being computed).
 */
export async function experimentBundleData(db: Db, slug: string, now: Date): Promise<StaticBundleData> {
  const pinned = await pinData(db, slug, "explorer", "");
  if (!pinned) throw new NotFoundError(`No experiment "${slug}".`);
  return {
    experiment: slug,
    snapshotId: null,
    version: pinned.version,
    pinnedAt: now.toISOString(),
    title: null,
    view: "",
    data: JSON.parse(pinned.data) as ExplorerSnapshotData,
  };
}

/**
 * What `alphascope bundle <snapshot-id|slug>` bundles: the snapshot when the argument is a
 * snapshot's id, otherwise the experiment of that slug at its current version (404 when neither).
 */
export async function bundleDataOf(db: Db, idOrSlug: string, now: Date): Promise<StaticBundleData> {
  if (SNAPSHOT_ID_PATTERN.test(idOrSlug) && (await snapshotById(db, idOrSlug)))
    return snapshotBundleData(db, idOrSlug);
  if (!isSlug(idOrSlug)) throw new NotFoundError(`No snapshot "${idOrSlug}".`);
  return experimentBundleData(db, idOrSlug, now);
}

/** The folder (and zip) name of a bundle: the experiment and the snapshot or the version. */
export function bundleName(bundle: StaticBundleData): string {
  return `alphascope-${bundle.experiment}-${bundle.snapshotId ?? bundle.version.slice(0, 12)}`;
}

/** The bundle's files with the prebuilt viewer. */
export async function bundleFiles(bundle: StaticBundleData): Promise<BundleFile[]> {
  return staticBundleFiles(bundle, await readViewer());
}

/**
 * A zip of the bundle's files in one folder named {@link bundleName}, deflated in a compute thread
 * (503 `busy` when the pool is full).
 */
export async function bundleZip(bundle: StaticBundleData): Promise<Uint8Array> {
  requireComputeCapacity();
  const files = await bundleFiles(bundle);
  return computeOffThread<Uint8Array>({
    type: "zip-folder",
    folder: bundleName(bundle),
    files,
    mtime: bundle.pinnedAt,
  });
}
