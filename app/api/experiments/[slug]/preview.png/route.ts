import { renderPreviewOffThread, requirePreviewCapacity } from "@/components/previews/previewPool";
import { previewQuerySchema } from "@/lib/contracts/exportSchemas";
import { requirePreviewReader } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { cachedRender } from "@/lib/server/exports/previewRenders";
import { derivedEtag, derivedResponse, storedFrontier } from "@/lib/server/exports/storedFrontier";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { viewContextOf } from "@/lib/views/explorerContext";
import { alphaParam } from "@/lib/views/urlView";
import { parseView } from "@/lib/views/viewState";

export const dynamic = "force-dynamic";

/**
 * The link-preview image of a view: the frontier with a marker at each α of `members` (the
 * explorer's α when absent), on the slice and axes its URL names, read like the explorer's own URL.
 * Made from the stored frontier, rendered once per version and view in a thread of its own; 503
 * `busy` before anything is read while that thread's queue is full.
 */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    requirePreviewCapacity();
    const slug = await slugParam(params);
    const query = parseSearchParams(request, previewQuerySchema);
    await requirePreviewReader(request, serverDb(), slug, query.snapshot);
    const frontier = await storedFrontier(serverReadDb(), slug);
    const search = new URL(request.url).searchParams;
    search.set("difficulty", query.difficulty);
    const { view } = parseView(search, viewContextOf(frontier.data));
    const markers = query.members.length > 0 ? query.members : [view.alpha];
    const key = [view.difficulty, view.x, view.y, view.xLog, view.yLog, markers.map(alphaParam)].join("|");
    const etag = derivedEtag(frontier, `png-${Buffer.from(key).toString("base64url")}`);
    return derivedResponse(
      request,
      etag,
      () => cachedRender(etag, () => renderPreviewOffThread({ frontier: frontier.json, view, markers })),
      { "content-type": "image/png" },
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
