import Link from "next/link";
import type { Snapshot } from "@/lib/contracts/sharing";
import { viewPath } from "@/lib/views/deck";
import { DeleteSnapshotButton } from "./DeleteSnapshotButton";

/** When a snapshot was taken, as a reader anywhere reads it (UTC, to the minute). */
function takenAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The live page the snapshot was pinned from, with its view. */
function livePath(snapshot: Snapshot): string {
  const path =
    snapshot.page === "study"
      ? `/studies/${encodeURIComponent(snapshot.study)}`
      : viewPath(snapshot.experiment, snapshot);
  return `${path}${snapshot.view ? `?${snapshot.view}` : ""}`;
}

/**
 * Says that the page is a pinned snapshot and of which data version; when the experiment (a study:
 * any of its experiments) has changed since, or is gone, says so, with a link to the same view of
 * its current data.
 */
export function SnapshotBanner({ snapshot, name }: { snapshot: Snapshot; name: string }) {
  const live = livePath(snapshot);
  const study = snapshot.page === "study";
  return (
    <>
      <p className="snapshot-banner" data-testid="snapshot-banner">
        <strong>Pinned snapshot</strong>
        {snapshot.title ? <> “{snapshot.title}”</> : null} of {name} ({snapshot.page}), taken{" "}
        {takenAt(snapshot.createdAt)} from data version <code>{snapshot.version.slice(0, 8)}</code>
        {study ? " (every experiment’s, listed in the figure’s footnote)" : ""}: these numbers do not change
        when new results are imported.{" "}
        {snapshot.page === "explorer" ? (
          <>
            <a
              className="button button--small"
              href={`/api/snapshots/${encodeURIComponent(snapshot.id)}/bundle`}
              download
              data-testid="snapshot-download"
              title="A zip of a folder that opens from disk or any static host, with no server and no network"
            >
              Download static copy
            </a>{" "}
          </>
        ) : null}
        <DeleteSnapshotButton id={snapshot.id} then={snapshot.currentVersion === null ? "/" : live} />
      </p>
      {snapshot.currentVersion === null ? (
        <p className="notice" role="status" data-testid="snapshot-changed">
          {study
            ? "The study has no experiments any more; the snapshot keeps its numbers."
            : "The experiment has been deleted since this snapshot was taken; the snapshot keeps its numbers."}
        </p>
      ) : snapshot.currentVersion !== snapshot.version ? (
        <p className="notice" role="status" data-testid="snapshot-changed">
          <span>
            {study
              ? "The study’s experiments have changed since this snapshot was taken."
              : "The experiment’s data has changed since this snapshot was taken."}{" "}
            <Link href={live} data-testid="snapshot-live-link">
              Open the current view
            </Link>
          </span>
        </p>
      ) : null}
    </>
  );
}
