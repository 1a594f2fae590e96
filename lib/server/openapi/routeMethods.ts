import { ApiError, NotFoundError } from "../errors";
import { answeredMethods, methodNotAllowed } from "../methods";
import { ROUTE_SPECS } from "./document";

// Which methods each API path serves, read from the one list of routes (ROUTE_SPECS; a unit test
// holds every route.ts's exports to its entry), so that the HTTP server (scripts/serve.ts) can answer
// every other method itself: Next routes only the methods a route exports, and answers the rest
// badly (TRACE: 500 text/plain; PROPFIND, MKCOL: 400 with no body).

/** A method every route of the API answers (Next answers OPTIONS, and HEAD where GET is served). */
const STANDARD_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

interface RouteMethods {
  pattern: RegExp;
  /** Literal segments: where two patterns match, the route with more of them is the one Next picks. */
  literals: number;
  methods: readonly string[];
}

const ROUTES: readonly RouteMethods[] = ROUTE_SPECS.map((spec) => {
  const segments = spec.path.split("/").slice(1);
  const pattern = segments.map((segment) => (/^\{\w+\}$/.test(segment) ? "[^/]+" : escapeRegExp(segment)));
  return {
    pattern: new RegExp(`^/${pattern.join("/")}/?$`),
    literals: segments.filter((segment) => !segment.startsWith("{")).length,
    methods: Object.keys(spec.operations).map((method) => method.toUpperCase()),
  };
}).sort((a, b) => b.literals - a.literals);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The methods the API route at `pathname` serves (GET, POST, …, without HEAD and OPTIONS), or null. */
export function routeMethods(pathname: string): readonly string[] | null {
  return ROUTES.find((route) => route.pattern.test(pathname))?.methods ?? null;
}

/**
 * The refusal of a `method` request for `target` (the request line's target), or null when it goes
 * on to Next: for an API route, 405 with the route's Allow for any method it does not serve,
 * standard or not (TRACE, PROPFIND, …); 404 for a non-standard method on an /api/ path no route has
 * (a standard one goes on to Next, which answers 404 itself); 405 for a non-standard method
 * anywhere else (pages answer GET and HEAD; a CONNECT target is not a path at all).
 */
export function refusedMethod(method: string, target: string): ApiError | null {
  const pathname = target.split(/[?#]/)[0];
  if (!pathname.startsWith("/api/")) {
    if (STANDARD_METHODS.has(method)) return null;
    return new ApiError(405, "method_not_allowed", "Pages answer GET and HEAD only.", undefined, {
      allow: "GET, HEAD",
    });
  }
  const methods = routeMethods(pathname);
  if (methods === null)
    return STANDARD_METHODS.has(method) ? null : new NotFoundError(`No API route answers ${pathname}.`);
  return answeredMethods(methods).includes(method) ? null : methodNotAllowed(methods);
}
