import { z } from "zod";
import { jsonResponse, type RouteSpec, requires } from "../routeSpec";

export const openApiRoute: RouteSpec = {
  path: "/api/openapi.json",
  operations: {
    get: {
      operationId: "getOpenApiDocument",
      ...requires("public"),
      tags: ["Server"],
      summary: "This document (OpenAPI 3.1)",
      responses: {
        "200": jsonResponse(
          "The OpenAPI 3.1 document of every route.",
          z.looseObject({
            openapi: z.literal("3.1.0"),
            info: z.looseObject({ title: z.string(), version: z.string() }),
            paths: z.record(z.string(), z.unknown()),
          }),
        ),
      },
    },
  },
};
