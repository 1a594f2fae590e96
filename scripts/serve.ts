// alphascope's HTTP server: Next's request handler behind a node:http server that tells the app
// where each request came from, and answers the requests Next cannot answer in the API's error
// shape (malformed ones, and every method a route does not serve: lib/server/openapi/routeMethods.ts). Started by scripts/start.ts (`npm start`, `npm run dev --dev`) with DATABASE_URL and PORT
// set; SIGTERM or SIGINT closes it. Two reads it answers itself, with their routes' own answers:
// the health check, and (in production) the experiment list, the home page's every keystroke.
//
// Why not `next start`: a route handler cannot see the TCP peer (the x-forwarded-for Next adds is
// whatever the client sent, when it sent one), and writes without a token are accepted from this
// machine only. So this server strips any `x-alphascope-client` header a client sent and sets its
// own, "local" or "remote" (lib/server/clientAddress.ts); lib/server/writeGuard.ts reads it.
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import next from "next";
import { createPrisma, type Db } from "../lib/db/client";
import {
  type AdmissionGate,
  type AdmissionSlot,
  admittedRequest,
  heavyReadAdmission,
  isHeavyRead,
  serverAdmission,
} from "../lib/server/admission";
import { serverRefusalPacer } from "../lib/server/busyRefusals";
import {
  CLIENT_ADDRESS_HEADER,
  CLIENT_HEADER,
  classifyClient,
  clientAddress,
  trustsProxy,
} from "../lib/server/clientAddress";
import { errorBody } from "../lib/server/errorBody";
import { ApiError, BusyError } from "../lib/server/errors";
import { experimentListRead, isExperimentListRead } from "../lib/server/experimentListRead";
import { databaseProbeOf, healthResponse, isHealthCheck } from "../lib/server/health";
import { acceptsGzip, errorResponse } from "../lib/server/http";
import { refusedMethod } from "../lib/server/openapi/routeMethods";
import { queueRefusal } from "../lib/server/queueRefusals";
import { RESOURCE_CSP, SECURITY_HEADERS } from "../lib/server/securityHeaders";
import { type StoredResponse, storedAnswer } from "../lib/server/statistics/read";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT || 3000);

/**
 * An answer in the API's error shape with the security headers, for requests Next never sees; the
 * connection is closed after it unless `keepAlive` (a busy refusal, which a client repeats).
 */
function errorAnswer(error: ApiError, keepAlive = false): { head: Record<string, string>; body: string } {
  const body = JSON.stringify(errorBody(error));
  return {
    head: {
      ...SECURITY_HEADERS,
      "content-security-policy": RESOURCE_CSP,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(body)),
      "cache-control": "no-store",
      ...(keepAlive ? {} : { connection: "close" }),
      ...error.headers,
    },
    body,
  };
}

/** Writes a whole answer on a socket Node's HTTP server does not answer itself (parser errors, CONNECT). */
function endSocket(socket: Duplex, error: ApiError): void {
  const { head, body } = errorAnswer(error);
  const lines = Object.entries(head).map(([name, value]) => `${name}: ${value}`);
  socket.end(
    `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${lines.join("\r\n")}\r\n\r\n${body}`,
  );
}

/** A request line: a method that is an RFC 9110 token, a target, the version. */
const REQUEST_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) (\S+) HTTP\/\d\.\d\r?\n/;

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
function answerClientError(error: Error & { code?: string; rawPacket?: unknown }, socket: Duplex): void {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  if (error.code === "HPE_HEADER_OVERFLOW") {
    endSocket(socket, new ApiError(431, "headers_too_large", "The request headers are too large."));
    return;
  }
  // A method Node's parser does not know (it knows http.METHODS): refused as any unserved method.
  const line = error.code === "HPE_INVALID_METHOD" ? REQUEST_LINE.exec(rawPacketOf(error)) : null;
  const refusal = line ? refusedMethod(line[1], line[2]) : null;
  endSocket(socket, refusal ?? new ApiError(400, "bad_request", "The request is not valid HTTP."));
}

function rawPacketOf(error: Error & { rawPacket?: unknown }): string {
  return Buffer.isBuffer(error.rawPacket) ? error.rawPacket.toString("latin1") : "";
}

/**
 * The liveness check's own database client (one connection: one probe at a time): in a burst the
 * app's pool is busy with the burst's reads, and a check queued behind them would measure that
 * queue, not whether the database answers.
 */
let healthDb: Db | undefined;

/**
 * Answers /api/health here, before Next's router and outside admission, with the route's own answer
 * (lib/server/health.ts) and the headers next.config.ts gives every response: in a burst each
 * step through Next is another wait for the busy event loop (docs/performance.md, "Bursts").
 */
async function answerHealth(request: IncomingMessage, response: ServerResponse): Promise<void> {
  healthDb ??= createPrisma(process.env.DATABASE_URL ?? "", 1);
  await sendAnswer(request, response, await healthResponse(databaseProbeOf(healthDb)), false);
}

/**
 * Answers a read of the experiment list here, before Next's router and inside admission, with the
 * route's own answer (lib/server/experimentListRead.ts) and the headers Next gives it: through Next,
 * routing and its response streams cost a cached page more of the loop than the page itself
 * (docs/performance.md, "The list API ahead of Next").
 */
async function answerExperimentList(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const started = performance.now();
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers))
    for (const each of Array.isArray(value) ? value : [value])
      if (each !== undefined) headers.append(name, each);
  // The origin is never read: the answer depends on the path, the query and the headers.
  const webRequest = new Request(new URL(request.url ?? "/", "http://localhost"), { headers });
  let stored: StoredResponse;
  try {
    stored = await experimentListRead(webRequest);
  } catch (error) {
    await sendAnswer(request, response, errorResponse(error), true);
    return;
  }
  const { status, headers: head, body } = storedAnswer(stored);
  // How long the server took to read and encode the answer (in the browser's Resource Timing, so
  // `npm run bench:list` tells the server's part of a search's request from the rest).
  const timing = { "server-timing": `read;dur=${(performance.now() - started).toFixed(1)}` };
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  await sendBytes(request, response, status, { ...head, ...timing }, bytes, true);
}

/** A route's answer sent as {@link sendBytes} sends it. */
async function sendAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  answer: Response,
  compress: boolean,
): Promise<void> {
  const body = Buffer.from(await answer.arrayBuffer());
  await sendBytes(request, response, answer.status, Object.fromEntries(answer.headers), body, compress);
}

const gzip = promisify(gzipCallback);

/**
 * Gzipped copies of bodies, while their bytes live: a cached page is gzipped once, not per request.
 * Off the event loop (zlib's threads), as Next compresses: the whole list without a query is megabytes.
 */
const gzipped = new WeakMap<Uint8Array, Promise<Uint8Array>>();

/**
 * Sends an answer with the headers next.config.ts gives every response; with `compress`, gzipped
 * for a client that takes it, as Next compresses what it answers. A null body: none (a 304).
 */
async function sendBytes(
  request: IncomingMessage,
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  bytes: Uint8Array | null,
  compress: boolean,
): Promise<void> {
  const zip = compress && bytes !== null && acceptsGzip(request.headers["accept-encoding"]);
  let body = bytes;
  if (zip && bytes !== null) {
    let zipped = gzipped.get(bytes);
    if (!zipped) {
      zipped = gzip(bytes);
      gzipped.set(bytes, zipped);
    }
    body = await zipped;
  }
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    "content-security-policy": RESOURCE_CSP,
    ...headers,
    ...(compress ? { vary: "Accept-Encoding" } : {}),
    ...(zip ? { "content-encoding": "gzip" } : {}),
    ...(body === null ? {} : { "content-length": String(body.byteLength) }),
  });
  response.end(request.method === "HEAD" || body === null ? undefined : body);
}

/**
 * Sends a 503 `busy` refusal after the pacer's pause: a client that asks again at once then costs the
 * event loop one request a pause, not one per turn (lib/server/busyRefusals.ts). `keepAlive` for
 * GET and HEAD only: a refused body would otherwise be read to its end to reuse the connection.
 */
function refuseBusy(
  request: IncomingMessage,
  response: ServerResponse,
  error: ApiError,
  keepAlive: boolean,
): void {
  serverRefusalPacer().pace(
    () => {
      const { head, body } = errorAnswer(error, keepAlive);
      response.writeHead(error.status, head).end(request.method === "HEAD" ? undefined : body);
    },
    (gone) => response.once("close", gone),
  );
}

/**
 * Runs `start` once `gate` has a place for the request, holding it until the response closes (not
 * when the client left while it waited); 503 `busy` (after the pacer's pause) when the gate's queue is full.
 */
function admit(
  gate: AdmissionGate,
  request: IncomingMessage,
  response: ServerResponse,
  start: (slot: AdmissionSlot) => void,
): void {
  const admitted = gate.admit((slot) => {
    if (response.writableEnded || request.socket.destroyed) {
      slot.release();
      return;
    }
    response.once("close", () => slot.release());
    start(slot);
  });
  if (!admitted) {
    const bodiless = request.method === "GET" || request.method === "HEAD";
    refuseBusy(request, response, new BusyError("The server is busy; try again in a moment."), bodiless);
  }
}

async function main(): Promise<void> {
  const app = next({ dev, port, hostname: "localhost" });
  const handleInNext = app.getRequestHandler();
  await app.prepare();
  const admission = serverAdmission();
  const heavyReads = heavyReadAdmission();

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    delete request.headers[CLIENT_HEADER];
    request.headers[CLIENT_HEADER] = classifyClient(request.socket.remoteAddress, request.headers);
    request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
      request.socket.remoteAddress,
      request.headers,
      trustsProxy(),
    );
    if (hasMalformedEscape(request.url ?? "/")) {
      const { head, body } = errorAnswer(
        new ApiError(400, "bad_request", "The URL has a malformed percent-encoding."),
      );
      response.writeHead(400, head).end(body);
      return;
    }
    const refusal = refusedMethod(request.method ?? "", request.url ?? "/");
    if (refusal) {
      const { head, body } = errorAnswer(refusal);
      response.writeHead(refusal.status, head).end(body);
      return;
    }
    if (isHealthCheck(request.method ?? "", request.url ?? "/")) {
      answerHealth(request, response).catch(() => response.destroy());
      return;
    }
    const busy = queueRefusal(request.method ?? "", request.url ?? "/");
    if (busy) {
      refuseBusy(request, response, busy, true);
      return;
    }
    if (!admittedRequest(request.method ?? "", request.url ?? "/")) {
      void handleInNext(request, response);
      return;
    }
    const answer =
      !dev && isExperimentListRead(request.method ?? "", request.url ?? "/")
        ? () => void answerExperimentList(request, response).catch(() => response.destroy())
        : () => void handleInNext(request, response);
    const admitToLoop = () =>
      admit(admission.gate, request, response, (slot) => admission.current.run(slot, answer));
    if (isHeavyRead(request.method ?? "", request.url ?? "/"))
      admit(heavyReads, request, response, admitToLoop);
    else admitToLoop();
  });
  // (Next attaches its own upgrade handler, for the dev server's hot reload, on the first request.)
  server.on("clientError", answerClientError);
  // CONNECT asks for a tunnel, which this server never opens (without a listener Node drops it).
  server.on("connect", (request: IncomingMessage, socket: Duplex) => {
    const refusal = refusedMethod("CONNECT", request.url ?? "");
    if (refusal) endSocket(socket, refusal);
    else socket.destroy();
  });

  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    void Promise.allSettled([app.close(), healthDb?.$disconnect()]).finally(() => process.exit(0));
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
