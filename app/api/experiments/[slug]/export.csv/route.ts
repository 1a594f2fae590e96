import { exportCsvQuerySchema } from "@/lib/contracts/exportSchemas";
import { CSV_MEDIA_TYPE, toCsv } from "@/lib/responses/csv";
import { frontierCsvTable } from "@/lib/responses/frontierCsv";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import {
  derivedEtag,
  derivedResponse,
  fileNamePart,
  storedFrontier,
} from "@/lib/server/exports/storedFrontier";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";

export const dynamic = "force-dynamic";

/** One row per checkpoint of a difficulty slice with every registry metric and its interval, as CSV. */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const { difficulty, version } = parseSearchParams(request, exportCsvQuerySchema);
    const frontier = await storedFrontier(serverReadDb(), slug, version);
    const fileName = `${fileNamePart(slug)}-${difficulty}-${fileNamePart(frontier.data.version)}.csv`;
    return derivedResponse(
      request,
      derivedEtag(frontier, "csv"),
      () => toCsv(frontierCsvTable(frontier.data.slices[difficulty])),
      {
        "content-type": CSV_MEDIA_TYPE,
        "content-disposition": `attachment; filename="${fileName}"`,
      },
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
