import { compareQuerySchema } from "@/lib/contracts/compareSchemas";
import { requireReaderOfEach } from "@/lib/server/auth/visibility";
import { comparisonResponse } from "@/lib/server/compare/comparison";
import { serverDb, serverReadDb } from "@/lib/server/db";
import { handle, parseSearchParams } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

/** 2–4 experiments' frontiers with their benchmark and problem-set overlap (ETag: their versions). */
export function GET(request: Request): Promise<Response> {
  return handle(async () => {
    const { experiments } = parseSearchParams(request, compareQuerySchema);
    await requireReaderOfEach(request, serverDb(), experiments);
    return storedResponse(
      await comparisonResponse(serverReadDb(), experiments, request.headers.get("if-none-match")),
    );
  });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
