import { refuseOtherMethods } from "@/lib/server/methods";
import { openApiDocument } from "@/lib/server/openapi/document";

/** The OpenAPI 3.1 document of every route, generated from the zod schemas they use (once per process). */
export function GET(): Response {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);
