import { experimentSharesSchema, shareDeleteSchema, sharePutSchema } from "../../../contracts/shares";
import {
  errorResponses,
  jsonBody,
  jsonResponse,
  type RouteSpec,
  requires,
  SLUG_ERRORS,
  slugPath,
  WRITE_DESCRIPTION,
  WRITE_ERRORS,
  WRITE_SECURITY,
} from "../routeSpec";

const MANAGER =
  "With sign-in on (ALPHASCOPE_AUTH), for the experiment's owner and admins (any editor for an experiment without an owner); a user who may not read the experiment gets its 404, one who may but does not own it a 403.";

const SHARE_ERRORS = {
  ...SLUG_ERRORS,
  400: "The slug or a field is invalid (no user has the e-mail; for DELETE, the experiment is not shared with them): the message names it.",
  ...WRITE_ERRORS,
};

export const sharesRoute: RouteSpec = {
  path: "/api/experiments/{slug}/shares",
  operations: {
    get: {
      operationId: "listExperimentShares",
      ...requires("editor"),
      tags: ["Sharing"],
      summary: "Who may read the experiment: its visibility, owner and shares",
      description: `${MANAGER} ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      responses: {
        "200": jsonResponse("The experiment's visibility, owner and shares.", experimentSharesSchema),
        ...errorResponses({
          ...SLUG_ERRORS,
          401: WRITE_ERRORS[401],
          403: WRITE_ERRORS[403],
          503: WRITE_ERRORS[503],
        }),
      },
    },
    put: {
      operationId: "shareExperiment",
      ...requires("editor"),
      tags: ["Sharing"],
      summary: "Share a private experiment with a user, or change their share's role",
      description: `A viewer reads it; an editor also writes it, as far as their own role allows. Recorded in the audit trail. ${MANAGER} ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      requestBody: jsonBody(sharePutSchema),
      responses: {
        "200": jsonResponse("The experiment's shares after the change.", experimentSharesSchema),
        ...errorResponses(SHARE_ERRORS),
      },
    },
    delete: {
      operationId: "unshareExperiment",
      ...requires("editor"),
      tags: ["Sharing"],
      summary: "Stop sharing an experiment with a user",
      description: `Recorded in the audit trail. ${MANAGER} ${WRITE_DESCRIPTION}`,
      security: WRITE_SECURITY,
      requestParams: { path: slugPath },
      requestBody: jsonBody(shareDeleteSchema),
      responses: {
        "200": jsonResponse("The experiment's shares after the change.", experimentSharesSchema),
        ...errorResponses(SHARE_ERRORS),
      },
    },
  },
};
