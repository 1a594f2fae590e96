import type { Metadata } from "next";
import { headers } from "next/headers";
import type { FrontierData } from "../contracts/types";
import type { DifficultySlice } from "../domain/difficulty";
import type { PreviewText } from "../views/previewText";
import { alphaParam } from "../views/urlView";
import type { ExplorerView } from "../views/viewState";
import { serverReadDb } from "./db";
import { storedFrontier } from "./exports/storedFrontier";
import { toApiError } from "./http";
import { publicOrigin } from "./publicOrigin";

/** What a preview image shows: the explorer's axes and slice, with a marker at each α. */
export interface PreviewImageView {
  markers: readonly number[];
  difficulty: DifficultySlice;
  /** The explorer's axes (metric ids and log scales); the explorer's defaults when absent. */
  axes?: Pick<ExplorerView, "x" | "y" | "xLog" | "yLog">;
  /** The public snapshot the preview is of: its image then opens for anyone. */
  snapshot?: string;
}

/** The path of the frontier preview PNG (GET /api/experiments/<slug>/preview.png) of a view. */
export function previewImagePath(slug: string, view: PreviewImageView): string {
  const params = new URLSearchParams();
  params.set("members", view.markers.map(alphaParam).join(","));
  params.set("difficulty", view.difficulty);
  if (view.axes) {
    params.set("x", view.axes.x);
    params.set("y", view.axes.y);
    params.set("xlog", view.axes.xLog ? "1" : "0");
    params.set("ylog", view.axes.yLog ? "1" : "0");
  }
  if (view.snapshot !== undefined) params.set("snapshot", view.snapshot);
  return `/api/experiments/${encodeURIComponent(slug)}/preview.png?${params}`;
}

/**
 * A page's document title and link preview (OpenGraph and Twitter card tags) from its text and
 * its preview image. For every page that shows an experiment: the explorer, the scaling page, a
 * pinned snapshot (`/s/<id>`).
 */
export async function linkPreviewMetadata(text: PreviewText, imagePath: string): Promise<Metadata> {
  const origin = publicOrigin(await headers());
  const image = { url: imagePath, width: 1200, height: 630, alt: text.title };
  return {
    ...(origin ? { metadataBase: origin } : {}),
    title: text.documentTitle,
    description: text.description,
    openGraph: {
      type: "website",
      siteName: "alphascope",
      title: text.title,
      description: text.description,
      images: [image],
    },
    twitter: {
      card: "summary_large_image",
      title: text.title,
      description: text.description,
      images: [image],
    },
  };
}

/**
 * The stored frontier a page's preview is made from; null when there is none to read (an unknown
 * experiment, statistics pending, the database down): the page itself says so, and its metadata
 * stays the app's default.
 */
export async function previewFrontier(slug: string): Promise<FrontierData | null> {
  try {
    return (await storedFrontier(serverReadDb(), slug)).data;
  } catch (error) {
    if (toApiError(error).code === "internal") throw error;
    return null;
  }
}
