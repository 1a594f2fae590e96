import { refuseOtherMethods } from "@/lib/server/methods";
import { openApiDocument } from "@/lib/server/openapi/document";

export const dynamic = "force-static";

/** The OpenAPI 3.1 document of every route, generated from the zod schemas they use. */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
