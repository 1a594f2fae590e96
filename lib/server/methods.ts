import { ApiError } from "./errors";
import { errorResponse } from "./http";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/** Every method a route serving `allowed` answers: those, HEAD where GET is served (Next runs GET), OPTIONS. */
export function answeredMethods(allowed: readonly string[]): string[] {
  return [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
}

/**
 * The 405 of a route serving `allowed` (GET, POST, …) to any other method, with the Allow header:
 * those, HEAD where GET is served, and OPTIONS.
 */
export function methodNotAllowed(allowed: readonly string[]): ApiError {
  const allow = answeredMethods(allowed).join(", ");
  return new ApiError(
    405,
    "method_not_allowed",
    `This route answers ${allowed.join(" and ")} only.`,
    undefined,
    { allow },
  );
}

/**
 * Handlers for the methods a route does not serve, answering 405 in the API's error shape with an
 * Allow header (Next's own 405 has an empty body). Spread into the route's exports:
 * `export const { POST, PUT, PATCH, DELETE } = refuseOtherMethods(["GET"]);`. HEAD and OPTIONS
 * stay Next's (HEAD runs GET without the body; OPTIONS lists the methods).
 */
export function refuseOtherMethods<const Allowed extends readonly Method[]>(
  allowed: Allowed,
): Record<Exclude<Method, Allowed[number]>, () => Response> {
  const refuse = () => errorResponse(methodNotAllowed(allowed));
  const others = METHODS.filter((method) => !allowed.includes(method));
  return Object.fromEntries(others.map((method) => [method, refuse])) as Record<
    Exclude<Method, Allowed[number]>,
    () => Response
  >;
}
