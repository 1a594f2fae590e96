import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Explorer } from "@/components/explorer/Explorer";
import { Seeded, type SeededQuery, withPageData } from "@/components/pages/PageData";
import { snapshotMetadata } from "@/components/previews/viewMetadata";
import { PinnedSource } from "@/components/queries/apiSource";
import {
  frontierQuery,
  pinnedStudySource,
  scalingMatrixQuery,
  snapshotSource,
  studyFrontiersQuery,
  studyQuery,
} from "@/components/queries/queries";
import { ScalingHeading } from "@/components/scaling/ScalingHeading";
import { ScalingView } from "@/components/scaling/ScalingView";
import { SnapshotBanner } from "@/components/sharing/SnapshotBanner";
import { StudyGrid } from "@/components/studies/StudyGrid";
import { SNAPSHOT_ID_PATTERN, type Snapshot } from "@/lib/contracts/sharing";
import { serverReadDb } from "@/lib/server/db";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { readForPage, requirePageSnapshotReader } from "@/lib/server/pages";
import { readPinnedSnapshot } from "@/lib/server/sharing/pinnedReads";

/** The pinned view's title and link preview (components/previews/viewMetadata.ts). */
export async function generateMetadata({ params }: SnapshotPageProps): Promise<Metadata> {
  const { id } = await params;
  if (!SNAPSHOT_ID_PATTERN.test(id)) return { title: "Pinned snapshot" };
  // The page itself says when the database is down; its title stays the plain one.
  const read = await readForPage(async () => {
    await requirePageSnapshotReader(id);
    return readPinnedSnapshot(serverReadDb(), id);
  });
  return read.kind === "data" && read.data ? await snapshotMetadata(read.data) : { title: "Pinned snapshot" };
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
  const overrides = new URLSearchParams(pageQueryString(await searchParams));
  return withPageData(
    async () => {
      await requirePageSnapshotReader(id);
      return readPinnedSnapshot(serverReadDb(), id);
    },
    (snapshot) => <PinnedPage id={id} snapshot={snapshot} overrides={overrides} />,
  );
}

/** The pinned view, its parameters overridden by the address's. */
function PinnedPage({
  id,
  snapshot,
  overrides,
}: {
  id: string;
  snapshot: Snapshot;
  overrides: URLSearchParams;
}) {
  const view = new URLSearchParams(snapshot.view);
  for (const [key, value] of overrides) view.set(key, value);
  const search = view.toString();
  if (snapshot.page === "study") {
    const source = pinnedStudySource(id);
    return (
      <>
        <SnapshotBanner snapshot={snapshot} name={snapshot.data.study.name} />
        <Seeded
          queries={[
            [studyQuery(source).queryKey, snapshot.data.study],
            [studyFrontiersQuery(source).queryKey, snapshot.data.frontiers],
          ]}
        >
          <StudyGrid key={search} slug={snapshot.study} initialSearch={search} snapshot={id} />
        </Seeded>
      </>
    );
  }
  const source = snapshotSource(id);
  const slug = snapshot.experiment;
  const seeded: SeededQuery =
    snapshot.page === "explorer"
      ? [frontierQuery(source).queryKey, snapshot.data.frontier]
      : [scalingMatrixQuery(source).queryKey, snapshot.data.matrix];
  return (
    <>
      <SnapshotBanner
        snapshot={snapshot}
        name={snapshot.page === "explorer" ? snapshot.data.detail.name : snapshot.data.matrix.experiment.name}
      />
      {snapshot.page === "scaling" ? <ScalingHeading experiment={snapshot.data.matrix.experiment} /> : null}
      <Seeded queries={[seeded]}>
        <PinnedSource
          source={source}
          claims={snapshot.page === "explorer" && snapshot.data.claims !== undefined}
        >
          {snapshot.page === "explorer" ? (
            <Explorer key={search} slug={slug} initialSearch={search} />
          ) : (
            <ScalingView key={search} slug={slug} initialSearch={search} updatedAt={snapshot.createdAt} />
          )}
        </PinnedSource>
      </Seeded>
    </>
  );
}
