import type { Metadata } from "next";
import { parseScalingView } from "@/components/scaling/scalingView";
import { viewContextOf } from "@/lib/client/explorerContext";
import { explorerPreviewText, scalingPreviewText } from "@/lib/client/previewText";
import { parseView } from "@/lib/client/viewState";
import { linkPreviewMetadata, previewFrontier, previewImagePath } from "@/lib/server/previews";

/** The pages that show a view of an experiment. */
export type ViewPage = "explorer" | "scaling";

/**
 * The document title and link preview of a view of an experiment — the explorer's or the scaling
 * page's, given as the page's query string — read with the page's own view definition, so the
 * preview shows what the page shows: `og:title` (experiment, α, difficulty), `og:description` (the
 * headline numbers), `og:image` (GET /api/experiments/<slug>/preview.png of that view). For the
 * explorer, the scaling page and a pinned snapshot (`/s/<id>`) alike; the numbers are the
 * experiment's current stored statistics. Empty metadata (the app's defaults) when there is
 * nothing stored to describe.
 */
export async function viewMetadata(slug: string, page: ViewPage, search: URLSearchParams): Promise<Metadata> {
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
