import { z } from "zod";
import { comparisonDataSchema } from "../../../contracts/compareResponseSchemas";
import { slugSchema } from "../../../contracts/schemas";
import { studyDetailSchema, studyListItemSchema } from "../../../contracts/studies";
import {
  conditionalRead,
  errorResponses,
  jsonResponse,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
} from "../routeSpec";

export const studyListRoute: RouteSpec = {
  path: "/api/studies",
  operations: {
    get: {
      operationId: "listStudies",
      // Anyone may ask: the answer holds only what the caller may read (public ones when anonymous).
      ...requires("public"),
      tags: ["Studies"],
      summary: "Every study (a group of experiments, e.g. settings × model scales), by name",
      responses: {
        "200": jsonResponse("The studies that group at least one experiment.", z.array(studyListItemSchema)),
        ...errorResponses(READ_UNAVAILABLE),
      },
    },
  },
};

const studyPath = z.object({
  slug: slugSchema.meta({
    description: "The study's slug, as in its page's URL.",
    example: "demo-settings-by-scale",
  }),
});

export const studyRoute: RouteSpec = {
  path: "/api/studies/{slug}",
  operations: {
    get: {
      operationId: "getStudy",
      ...requires("viewer"),
      tags: ["Studies"],
      summary: "A study's experiments and the grid they make: columns the settings, rows the model scales",
      requestParams: {
        path: z.object({
          slug: slugSchema.meta({
            description: "The study's slug, as in its page's URL.",
            example: "demo-study",
          }),
        }),
      },
      responses: {
        "200": jsonResponse(
          "The study: its experiments, each with its row (model scale) and column (setting).",
          studyDetailSchema,
        ),
        ...errorResponses({
          400: "The slug is invalid: the message says why.",
          404: "No study has this slug.",
          ...READ_UNAVAILABLE,
        }),
      },
    },
  },
};

export const studyFrontiersRoute: RouteSpec = {
  path: "/api/studies/{slug}/frontiers",
  operations: {
    get: {
      operationId: "getStudyFrontiers",
      ...requires("viewer"),
      tags: ["Studies"],
      summary: "The study's experiments' frontiers, in the grid's order, with their problem-set overlap",
      requestParams: { path: studyPath, header: conditionalRead.header },
      responses: {
        "200": jsonResponse(
          "Each experiment's frontier (as its own route serves it), row by row, with whether they share a benchmark and the problem overlap per slice (GET /api/compare's shape).",
          comparisonDataSchema,
          conditionalRead.headers,
        ),
        ...conditionalRead.notModified,
        ...errorResponses({
          400: "The slug is invalid: the message says why.",
          404: "No study has this slug, or it has no experiments.",
          ...READ_UNAVAILABLE,
        }),
      },
    },
  },
};
