import { CLIENT_HEADER } from "../../lib/server/clientAddress";

/**
 * The headers of a request that alphascope's HTTP server received from this machine at
 * http://localhost:3000: what a handler sees for a local `curl` or the upload page opened locally.
 */
export const LOCAL_CLIENT: Readonly<Record<string, string>> = {
  host: "localhost:3000",
  [CLIENT_HEADER]: "local",
};

/** A request from this machine to `path`, with `body` as JSON when given (a handler's view of a local client). */
export function localRequest(
  path: string,
  method = "GET",
  body?: unknown,
  headers: Record<string, string> = {},
): Request {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: {
      ...LOCAL_CLIENT,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
