import Link from "next/link";

/** Above an old version of an experiment's explorer: what it is, and the way back to the current one. */
export function VersionBanner({ slug, id, createdAt }: { slug: string; id: number; createdAt: string }) {
  return (
    <p className="snapshot-banner" role="status" data-testid="version-banner">
      <strong>Old version {id}, read-only</strong>: the results as they stood on {createdAt.slice(0, 10)},
      before later imports replaced some of them.{" "}
      <Link href={`/experiments/${encodeURIComponent(slug)}`} data-testid="version-current-link">
        Open the current version
      </Link>
    </p>
  );
}
