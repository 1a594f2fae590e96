import type { Metadata } from "next";
import type { Snapshot } from "@/lib/contracts/sharing";
import { pageMayRead } from "@/lib/server/pages";
import { linkPreviewMetadata, previewFrontier, previewImagePath } from "@/lib/server/previews";
import { viewContextOf } from "@/lib/views/explorerContext";
import { explorerPreviewText, scalingPreviewText } from "@/lib/views/previewText";
import { parseScalingView } from "@/lib/views/scalingView";
import { parseView } from "@/lib/views/viewState";

/** The pages that show a view of an experiment. */
export type ViewPage = "explorer" | "scaling";

/**
 * The document title and link preview of a view of an experiment — the explorer's or the scaling
 * page's, given as the page's query string — read with the page's own view definition, so the
 * preview shows what the page shows: `og:title` (experiment, α, difficulty), `og:description` (the
 * headline numbers), `og:image` (GET /api/experiments/<slug>/preview.png of that view). For the
 * explorer, the scaling page and a pinned snapshot (`/s/<id>`) alike; the numbers are the
 * experiment's current stored statistics. Empty metadata (the app's defaults) when there is
 * nothing stored to describe, or the visitor may not read the experiment.
 */
export async function viewMetadata(slug: string, page: ViewPage, search: URLSearchParams): Promise<Metadata> {
  // The tab and a pasted link name nothing of an experiment the visitor may not read.
  if (!(await pageMayRead(slug))) return {};
  const data = await previewFrontier(slug);
  if (!data || data.slices.all.points.length === 0) return {};
  const context = viewContextOf(data);
  if (page === "explorer") {
    const { view } = parseView(search, context);
    return linkPreviewMetadata(
      explorerPreviewText(data, view),
      previewImagePath(slug, { markers: [view.alpha], difficulty: view.difficulty, axes: view }),
    );
  }
  // The budget plays no part in a preview: any budget the link names is accepted.
  const scalingContext = {
    alphas: context.alphas,
    slices: context.slices,
    maxBudget: Number.MAX_SAFE_INTEGER,
  };
  const { view } = parseScalingView(search, scalingContext);
  return linkPreviewMetadata(
    scalingPreviewText(data, view),
    previewImagePath(slug, { markers: view.members, difficulty: view.difficulty }),
  );
}

/**
 * A pinned snapshot's title and link preview. The explorer's text is made from the pinned numbers
 * (the same the page shows); the scaling page's from the current ones only while the experiment is
 * unchanged. The preview image draws the current stored data, so it is offered only while that is
 * still the pinned version: a chat preview never shows numbers the link does not.
 */
export async function snapshotMetadata(snapshot: Snapshot): Promise<Metadata> {
  const fallback: Metadata = { title: snapshot.title ? `${snapshot.title} (pinned)` : "Pinned snapshot" };
  const unchanged = snapshot.currentVersion === snapshot.version;
  const search = new URLSearchParams(snapshot.view);
  // A grid has no one-experiment preview image or headline: its title names the study.
  if (snapshot.page === "study") return { title: `${snapshot.title ?? snapshot.data.study.name} (pinned)` };
  if (snapshot.page === "scaling") {
    if (!unchanged) return fallback;
    const live = await viewMetadata(snapshot.experiment, "scaling", search);
    return live.title ? { ...live, title: `${String(live.title)} (pinned)` } : fallback;
  }
  const data = snapshot.data.frontier;
  if (data.slices.all.points.length === 0) return fallback;
  const { view } = parseView(search, viewContextOf(data));
  const text = explorerPreviewText(data, view);
  const pinned = {
    ...text,
    documentTitle: `${text.documentTitle} (pinned)`,
    title: `${text.title} (pinned)`,
  };
  const metadata = await linkPreviewMetadata(
    pinned,
    previewImagePath(snapshot.experiment, {
      markers: [view.alpha],
      difficulty: view.difficulty,
      axes: view,
      snapshot: snapshot.public ? snapshot.id : undefined,
    }),
  );
  if (unchanged) return metadata;
  return {
    ...metadata,
    openGraph: { ...metadata.openGraph, images: [] },
    twitter: { card: "summary", title: pinned.title, description: pinned.description },
  };
}
