import { problemIdSchema } from "@/lib/contracts/problemSchemas";
import { requireReaderOf } from "@/lib/server/auth/visibility";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseWith } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { slugParam } from "@/lib/server/params";
import { problemDetail } from "@/lib/server/problemDetail";
import { versionedHeaders } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/** One problem's verdicts, pass@k and runtimes at every evaluated α. */
export function GET(
  request: Request,
  { params }: { params: Promise<{ slug: string; id: string }> },
): Promise<Response> {
  return handle(async () => {
    const slug = await slugParam(params);
    await requireReaderOf(request, serverDb(), slug);
    const id = parseWith(problemIdSchema, (await params).id, "problem id");
    const { etag, detail } = await problemDetail(
      serverReadDb(),
      slug,
      id,
      request.headers.get("if-none-match"),
    );
    if (detail === null) return new Response(null, { status: 304, headers: versionedHeaders(etag) });
    return Response.json(detail, { headers: versionedHeaders(etag) });
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
