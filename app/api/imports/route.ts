import { runImport } from "@/lib/importer/runImport";
import { importMaxBytes } from "@/lib/importer/settings";
import { serverDb } from "@/lib/server/db";
import { ApiError } from "@/lib/server/errors";
import { handle } from "@/lib/server/http";
import { readImportRequest } from "@/lib/server/imports/apiRequest";
import { importApiError } from "@/lib/server/imports/apiResponse";
import { requireWriteToken } from "@/lib/server/imports/writeToken";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the fields around the files. */
const BODY_OVERHEAD_BYTES = 1024 * 1024;

/**
 * POST /api/imports: imports a results file (or a manifest with its files) like `alphascope
 * import`, returning the same report; `dryRun` validates and previews without writing. Guarded by
 * ALPHASCOPE_WRITE_TOKEN when it is set.
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    requireWriteToken(request);
    const maxBytes = importMaxBytes();
    const length = Number(request.headers.get("content-length") ?? 0);
    if (length > maxBytes + BODY_OVERHEAD_BYTES) {
      throw new ApiError(413, "too_large", `The upload is over the ${maxBytes}-byte limit.`);
    }
    try {
      const importRequest = await readImportRequest(request);
      // The import stores its points and enqueues the job that computes the intervals.
      const report = await runImport(serverDb(), { ...importRequest, maxBytes });
      return Response.json(report, { status: report.dryRun || report.status === "unchanged" ? 200 : 201 });
    } catch (error) {
      throw importApiError(error);
    }
  });
}
