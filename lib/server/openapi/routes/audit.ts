import { z } from "zod";
import { auditEventSchema, auditQuerySchema } from "../../../contracts/audit";
import { errorResponses, jsonResponse, type RouteSpec, WRITE_ERRORS, WRITE_SECURITY } from "../routeSpec";

export const auditRoute: RouteSpec = {
  path: "/api/audit",
  operations: {
    get: {
      operationId: "listAuditEvents",
      tags: ["Server"],
      summary: "The audit trail: deletes, restores and purges, most recent first",
      description:
        "Each event was written in the same transaction as its change. Guarded like a write (loopback by default, or `Authorization: Bearer <ALPHASCOPE_WRITE_TOKEN>`): until roles exist, who may change the data may read its history (docs/security.md).",
      security: WRITE_SECURITY,
      requestParams: { query: auditQuerySchema },
      responses: {
        "200": jsonResponse("The events.", z.array(auditEventSchema)),
        ...errorResponses({
          400: "A parameter is invalid: the message names it.",
          401: WRITE_ERRORS[401],
          403: "A wrong token, or a client that may not write.",
          503: WRITE_ERRORS[503],
        }),
      },
    },
  },
};
