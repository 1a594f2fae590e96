import { z } from "zod";
import { auditEventSchema, auditQuerySchema } from "../../../contracts/audit";
import {
  errorResponses,
  jsonResponse,
  type RouteSpec,
  requires,
  WRITE_ERRORS,
  WRITE_SECURITY,
} from "../routeSpec";

export const auditRoute: RouteSpec = {
  path: "/api/audit",
  operations: {
    get: {
      operationId: "listAuditEvents",
      ...requires("admin"),
      tags: ["Server"],
      summary: "The audit trail, most recent first, a page at a time",
      description:
        "Each event was written in the same transaction as its change. The next page: `before=<the last event's id>`. On a team server (ALPHASCOPE_AUTH), admins only; without sign-in, guarded like a write (loopback by default, or `Authorization: Bearer <ALPHASCOPE_WRITE_TOKEN>`): who may change the data may read its history (docs/security.md).",
      security: WRITE_SECURITY,
      requestParams: { query: auditQuerySchema },
      responses: {
        "200": jsonResponse("The events.", z.array(auditEventSchema)),
        ...errorResponses({
          400: "A parameter is invalid: the message names it.",
          401: WRITE_ERRORS[401],
          403: "A wrong token, a client that may not write, or (team server) a caller who is not an admin.",
          503: WRITE_ERRORS[503],
        }),
      },
    },
  },
};
