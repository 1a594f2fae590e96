import { serverReadDb } from "@/lib/server/db";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { storedResponse } from "@/lib/server/statistics/read";
import { studyFrontiersResponse } from "@/lib/server/studies";

export const dynamic = "force-dynamic";

/** The study's experiments' frontiers in the grid's order (ETag: their versions). */
export function GET(request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  return handle(async () =>
    storedResponse(
      await studyFrontiersResponse(
        serverReadDb(),
        await slugParam(params, "study"),
        request.headers.get("if-none-match"),
      ),
    ),
  );
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
