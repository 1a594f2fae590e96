import { healthDegradedSchema, healthOkSchema } from "../../../contracts/healthSchema";
import { jsonResponse, type RouteSpec, requires } from "../routeSpec";

export const healthRoute: RouteSpec = {
  path: "/api/health",
  operations: {
    get: {
      operationId: "getHealth",
      ...requires("public"),
      tags: ["Server"],
      summary: "Liveness and database reachability",
      responses: {
        "200": jsonResponse("The server runs and the database answers.", healthOkSchema),
        "503": jsonResponse(
          "The database does not answer: the status with the API's error alongside (Retry-After set).",
          healthDegradedSchema,
        ),
      },
    },
  },
};
