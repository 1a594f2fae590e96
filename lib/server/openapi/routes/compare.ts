import { comparisonDataSchema } from "../../../contracts/compareResponseSchemas";
import { compareQuerySchema } from "../../../contracts/compareSchemas";
import {
  conditionalRead,
  errorResponses,
  jsonResponse,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
} from "../routeSpec";

export const compareRoute: RouteSpec = {
  path: "/api/compare",
  operations: {
    get: {
      operationId: "compareExperiments",
      ...requires("viewer"),
      tags: ["Experiments"],
      summary: "2–4 experiments' frontiers with their benchmark and problem-set overlap",
      requestParams: {
        query: compareQuerySchema.extend({
          experiments: compareQuerySchema.shape.experiments.meta({
            description: "2–4 distinct experiment slugs separated by commas, in the order drawn.",
            example: "sweep-a,sweep-b",
          }),
        }),
        header: conditionalRead.header,
      },
      responses: {
        "200": jsonResponse(
          "Each experiment's frontier, whether they share a benchmark, and the problem overlap per slice.",
          comparisonDataSchema,
          conditionalRead.headers,
        ),
        ...conditionalRead.notModified,
        ...errorResponses({
          400: "`experiments` does not name 2–4 distinct valid slugs: the message says why.",
          404: "One of the experiments does not exist.",
          ...READ_UNAVAILABLE,
        }),
      },
    },
  },
};
