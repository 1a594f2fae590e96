import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { Explorer } from "@/components/explorer/Explorer";
import { snapshotMetadata } from "@/components/previews/viewMetadata";
import { PinnedSource } from "@/components/queries/apiSource";
import { frontierQuery, scalingMatrixQuery, snapshotSource } from "@/components/queries/queries";
import { makeQueryClient } from "@/components/queries/queryClient";
import { ScalingHeading } from "@/components/scaling/ScalingHeading";
import { ScalingView } from "@/components/scaling/ScalingView";
import { SnapshotBanner } from "@/components/sharing/SnapshotBanner";
import { SNAPSHOT_ID_PATTERN, type Snapshot } from "@/lib/contracts/sharing";
import { snapshotById } from "@/lib/db/queries/snapshotById";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { parseSnapshot } from "@/lib/server/sharing/pinnedReads";

/** The pinned view's title and link preview (components/previews/viewMetadata.ts). */
export async function generateMetadata({ params }: SnapshotPageProps): Promise<Metadata> {
  const { id } = await params;
  if (!SNAPSHOT_ID_PATTERN.test(id)) return { title: "Pinned snapshot" };
  try {
    const stored = await snapshotById(serverReadDb(), id);
    return stored ? await snapshotMetadata(parseSnapshot(stored)) : { title: "Pinned snapshot" };
  } catch (error) {
    // The page itself says when the database is down; its title stays the plain one.
    if (toApiError(error) instanceof DatabaseUnavailableError) return { title: "Pinned snapshot" };
    throw error;
  }
}

export const dynamic = "force-dynamic";

interface SnapshotPageProps {
  params: Promise<{ id: string }>;
  searchParams: Promise<PageSearchParams>;
}

/**
 * A short link: the pinned view drawn by the live pages' own components from the data the
 * snapshot pinned (seeded into the query cache under the snapshot's keys; whatever the view asks
 * for later is answered by /api/snapshots/<id>/…). Parameters in the address override the pinned
 * view's, so a reader can move α or present it.
 */
export default async function SnapshotPage({ params, searchParams }: SnapshotPageProps) {
  const { id } = await params;
  if (!SNAPSHOT_ID_PATTERN.test(id)) notFound();
  let snapshot: Snapshot;
  try {
    const stored = await snapshotById(serverReadDb(), id);
    if (!stored) notFound();
    snapshot = parseSnapshot(stored);
  } catch (error) {
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  const view = new URLSearchParams(snapshot.view);
  for (const [key, value] of new URLSearchParams(pageQueryString(await searchParams))) view.set(key, value);
  const search = view.toString();
  const source = snapshotSource(id);
  const queryClient = makeQueryClient();
  const slug = snapshot.experiment;
  if (snapshot.page === "explorer") {
    queryClient.setQueryData(frontierQuery(source).queryKey, snapshot.data.frontier);
  } else {
    queryClient.setQueryData(scalingMatrixQuery(source).queryKey, snapshot.data.matrix);
  }
  return (
    <>
      <SnapshotBanner
        snapshot={snapshot}
        name={snapshot.page === "explorer" ? snapshot.data.detail.name : snapshot.data.matrix.experiment.name}
      />
      {snapshot.page === "scaling" ? <ScalingHeading experiment={snapshot.data.matrix.experiment} /> : null}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <PinnedSource source={source}>
          {snapshot.page === "explorer" ? (
            <Explorer key={search} slug={slug} initialSearch={search} />
          ) : (
            <ScalingView key={search} slug={slug} initialSearch={search} updatedAt={snapshot.createdAt} />
          )}
        </PinnedSource>
      </HydrationBoundary>
    </>
  );
}
