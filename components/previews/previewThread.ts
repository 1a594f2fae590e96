import type { FrontierData } from "@/lib/contracts/types";
import { lowerThisThreadPriority } from "@/lib/server/compute/threadPriority";
import { type FrontierPreviewRequest, frontierPreviewPng } from "./frontierPreviewPng";

lowerThisThreadPriority();

/** Work for the preview thread: the stored frontier as its JSON text, and what to draw. */
export interface PreviewTask extends Omit<FrontierPreviewRequest, "data"> {
  frontier: string;
}

/** Renders one preview PNG in the preview thread (see previewPool.ts). */
export default function render(task: PreviewTask): Promise<Uint8Array<ArrayBuffer>> {
  const data = JSON.parse(task.frontier) as FrontierData;
  return frontierPreviewPng({ data, view: task.view, markers: task.markers });
}
