import { serverReadDb } from "@/lib/server/db";
import { experimentListResponse } from "@/lib/server/experiments";
import { handle } from "@/lib/server/http";
import { refuseOtherMethods } from "@/lib/server/methods";
import { storedResponse } from "@/lib/server/statistics/read";

export const dynamic = "force-dynamic";

export function GET(request: Request): Promise<Response> {
  return handle(async () =>
    storedResponse(await experimentListResponse(serverReadDb(), request.headers.get("if-none-match"))),
  );
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
