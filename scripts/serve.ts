// alphascope's HTTP server: Next's request handler behind a node:http server that tells the app
// where each request came from, and answers the requests Next cannot answer in the API's error
// shape. Started by scripts/start.ts (`npm start`, `npm run dev --dev`) with DATABASE_URL and PORT
// set; SIGTERM or SIGINT closes it.
//
// Why not `next start`: a route handler cannot see the TCP peer (the x-forwarded-for Next adds is
// whatever the client sent, when it sent one), and writes without a token are accepted from this
// machine only. So this server strips any `x-alphascope-client` header a client sent and sets its
// own, "local" or "remote" (lib/server/clientAddress.ts); lib/server/writeGuard.ts reads it.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import next from "next";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_HEADER,
  classifyClient,
  clientAddress,
  trustsProxy,
} from "../lib/server/clientAddress";
import { RESOURCE_CSP, SECURITY_HEADERS } from "../lib/server/securityHeaders";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);

/** An answer in the API's error shape with the security headers, for requests Next never sees. */
function errorAnswer(code: string, message: string): { head: Record<string, string>; body: string } {
  const body = JSON.stringify({ error: { code, message } });
  return {
    head: {
      ...SECURITY_HEADERS,
      "content-security-policy": RESOURCE_CSP,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      "cache-control": "no-store",
      connection: "close",
    },
    body,
  };
}

/** True when the path has a `%` escape that is not UTF-8 (`/api/experiments/%ff`): Next answers those 500. */
function hasMalformedEscape(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0]);
    return false;
  } catch {
    return true;
  }
}

/** The answer to a request the HTTP parser refused: 431 for oversized headers, 400 otherwise. */
function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const { head, body } =
    error.code === "HPE_HEADER_OVERFLOW"
      ? errorAnswer("headers_too_large", "The request headers are too large.")
      : errorAnswer("bad_request", "The request is not valid HTTP.");
  const status =
    error.code === "HPE_HEADER_OVERFLOW" ? "431 Request Header Fields Too Large" : "400 Bad Request";
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}`);
  socket.end(`HTTP/1.1 ${status}\r\n${lines.join("\r\n")}\r\n\r\n${body}`);
}

async function main(): Promise<void> {
  const app = next({ dev, port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    delete request.headers[CLIENT_HEADER];
    request.headers[CLIENT_HEADER] = classifyClient(request.socket.remoteAddress, request.headers);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      request.socket.remoteAddress,
      request.headers,
      trustsProxy(),
    );
    if (hasMalformedEscape(request.url ?? "/")) {
      const { head, body } = errorAnswer("bad_request", "The URL has a malformed percent-encoding.");
      response.writeHead(400, head).end(body);
      return;
    }
    void handle(request, response);
  });
  // (Next attaches its own upgrade handler, for the dev server's hot reload, on the first request.)
  server.on("clientError", answerClientError);

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    void app.close().finally(() => process.exit(0));
  };
  process.on("SIGTERM", close);
  process.on("SIGINT", close);

  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(`[alphascope] Serving on http://localhost:${port} (${dev ? "development" : "production"})`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
