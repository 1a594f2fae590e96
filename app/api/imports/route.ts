import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "@/lib/import/runImport";
import { importParseThreads, uploadMaxBytes } from "@/lib/import/settings";
import { actorOf } from "@/lib/server/auth/actor";
import { requireWriter } from "@/lib/server/auth/permissions";
import { serverDb } from "@/lib/server/db";
import { errorResponse, handle } from "@/lib/server/http";
import { readImportRequest } from "@/lib/server/imports/apiRequest";
import { importApiError } from "@/lib/server/imports/apiResponse";
import {
  type ProgressListener,
  progressResponse,
  wantsProgress,
} from "@/lib/server/imports/progressResponse";
import { importBodyMaxBytes } from "@/lib/server/limits";
import { refuseOtherMethods } from "@/lib/server/methods";
import { requireMediaType } from "@/lib/server/requestBody";

export const dynamic = "force-dynamic";

/**
 * POST /api/imports: imports a results file (or a manifest with its files) like `alphascope
 * import`, returning the same report; `dryRun` validates and previews without writing. Files are
 * parsed in worker threads (lib/import/parsePool.ts), off the event loop. Only
 * same-origin (or non-browser) requests from a client allowed to write (docs/security.md); the
 * body is multipart/form-data (files spooled to disk) or JSON, counted against its limit while it
 * streams in. With `Accept: application/x-ndjson` the answer, once the body is received, streams the
 * import's progress and then its outcome (lib/contracts/importProgress.ts).
 */
export function POST(request: Request): Promise<Response> {
  return handle(async () => {
    const principal = await requireWriter(request, serverDb(), "editor");
    const type = requireMediaType(request, ["multipart/form-data", "application/json"]);
    const maxBytes = uploadMaxBytes();
    const dir = await mkdtemp(join(tmpdir(), "alphascope-upload-"));
    const removeSpool = () => rm(dir, { recursive: true, force: true });
    let streaming = false;
    try {
      const importRequest = await readImportRequest(request, {
        dir,
        maxBytes: importBodyMaxBytes(type, maxBytes),
      });
      // The import stores its points and enqueues the job that computes the intervals.
      const answer = async (onProgress?: ProgressListener) => {
        try {
          const report = await runImport(serverDb(), {
            ...importRequest,
            maxBytes,
            onProgress,
            // Parsing a large file takes seconds of CPU: never on the thread answering requests.
            parseThreads: Math.max(1, importParseThreads()),
            // The importing user owns an experiment the import creates; without sign-in, nobody.
            ownerId: principal.kind === "user" ? principal.userId : null,
            actor: actorOf(principal),
          });
          return Response.json(report, {
            status: report.dryRun || report.status === "unchanged" ? 200 : 201,
          });
        } catch (error) {
          return errorResponse(importApiError(error));
        }
      };
      if (!wantsProgress(request)) return await answer();
      streaming = true;
      return progressResponse((onProgress) => answer(onProgress).finally(removeSpool));
    } catch (error) {
      throw importApiError(error);
    } finally {
      if (!streaming) await removeSpool();
    }
  });
}

export const { GET, PUT, PATCH, DELETE } = refuseOtherMethods(["POST"]);
