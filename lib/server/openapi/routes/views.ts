import type { z } from "zod";
import {
  savedViewCreateSchema,
  savedViewIdSchema,
  savedViewOrderSchema,
  savedViewRenameSchema,
} from "../../../contracts/sharing";
import { savedViewListSchema, savedViewSchema } from "../../../contracts/sharingResponseSchemas";
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  type Operation,
  READ_UNAVAILABLE,
  type RouteSpec,
  requires,
  SLUG_ERRORS,
  slugPath,
  WRITE_DESCRIPTION,
  WRITE_ERRORS,
  WRITE_SECURITY,
} from "../routeSpec";

const viewPath = slugPath.extend({
  id: savedViewIdSchema.meta({ description: "The saved view's id.", example: 1 }),
});

/** The parts every saved-view write shares. */
function viewWrite(operationId: string, summary: string, path: z.ZodObject): Operation {
  return {
    operationId,
    ...requires("editor"),
    tags: ["Sharing"],
    summary,
    description: WRITE_DESCRIPTION,
    security: WRITE_SECURITY,
    requestParams: { path },
    responses: {},
  };
}

export const savedViewsRoute: RouteSpec = {
  path: "/api/experiments/{slug}/views",
  operations: {
    get: {
      operationId: "listSavedViews",
      ...requires("viewer"),
      tags: ["Sharing"],
      summary: "The experiment's saved views, in deck order",
      requestParams: { path: slugPath },
      responses: {
        "200": jsonResponse("The review deck.", savedViewListSchema),
        ...errorResponses({ ...SLUG_ERRORS, ...READ_UNAVAILABLE }),
      },
    },
    post: {
      ...viewWrite("saveView", "Save a named view at the end of the deck", slugPath),
      requestBody: jsonBody(savedViewCreateSchema),
      responses: {
        "201": jsonResponse("The saved view.", savedViewSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          409: "The experiment already keeps the most saved views allowed.",
          ...WRITE_ERRORS,
        }),
      },
    },
  },
};

export const savedViewRoute: RouteSpec = {
  path: "/api/experiments/{slug}/views/{id}",
  operations: {
    patch: {
      ...viewWrite("renameSavedView", "Rename a saved view", viewPath),
      requestBody: jsonBody(savedViewRenameSchema),
      responses: {
        "200": jsonResponse("The renamed view.", savedViewSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          404: "No experiment has this slug, or it has no saved view with this id.",
          ...WRITE_ERRORS,
        }),
      },
    },
    delete: {
      ...viewWrite("deleteSavedView", "Remove a saved view from the deck", viewPath),
      responses: {
        "204": { description: "Removed." },
        ...errorResponses({
          ...SLUG_ERRORS,
          404: "No experiment has this slug, or it has no saved view with this id.",
          ...WRITE_ERRORS,
        }),
      },
    },
  },
};

export const savedViewOrderRoute: RouteSpec = {
  path: "/api/experiments/{slug}/views/order",
  operations: {
    put: {
      ...viewWrite("reorderSavedViews", "Put the deck in a new order", slugPath),
      requestBody: jsonBody(savedViewOrderSchema),
      responses: {
        "200": jsonResponse("The deck in its new order.", savedViewListSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          400: "The slug is invalid, or `ids` does not list every saved view exactly once.",
          ...WRITE_ERRORS,
        }),
      },
    },
  },
};
