import { BlockList, isIP } from "node:net";

/**
 * The request header through which alphascope's HTTP server (scripts/serve.ts) tells the route
 * handlers where a request came from: "local" or "remote". The server removes any value a client
 * sent before setting its own, so a handler can trust it; without that server (e.g. a bare
 * `next start`) it is absent and every client counts as remote.
 */
export const CLIENT_HEADER = "x-alphascope-client";

export type ClientLocation = "local" | "remote";

/** Headers a reverse proxy adds: a request carrying one was relayed, so its socket says nothing. */
const FORWARDING_HEADERS = ["forwarded", "x-forwarded-for", "x-forwarded-host", "x-real-ip"];

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** True for 127.0.0.0/8, ::1 and their IPv4-mapped forms (::ffff:127.0.0.1). */
export function isLoopbackAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && loopback.check(address, family === 6 ? "ipv6" : "ipv4");
}

/**
 * "local" when the TCP peer is a loopback address and the request carries no forwarding header;
 * "remote" otherwise (including a local reverse proxy that says whom it relays for).
 */
export function classifyClient(
  remoteAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
): ClientLocation {
  if (remoteAddress === undefined || !isLoopbackAddress(remoteAddress)) return "remote";
  return FORWARDING_HEADERS.some((name) => headers[name] !== undefined) ? "remote" : "local";
}

/**
 * The request header through which alphascope's HTTP server tells the route handlers the client's
 * address (for per-client limits such as the snapshot rate). Like {@link CLIENT_HEADER}, the server
 * removes any value a client sent before setting its own; absent without that server.
 */
export const CLIENT_ADDRESS_HEADER = "x-alphascope-client-address";

/** The environment variable that says a reverse proxy in front may be trusted for its forwarding headers. */
export const TRUST_PROXY_VARIABLE = "ALPHASCOPE_TRUST_PROXY";

/** True when ALPHASCOPE_TRUST_PROXY is `1`, `true` or `yes` (any case). */
export function trustsProxy(env: Readonly<Record<string, string | undefined>> = process.env): boolean {
  return /^(1|true|yes)$/i.test(env[TRUST_PROXY_VARIABLE]?.trim() ?? "");
}

function lastHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value;
}

/**
 * The client's address for per-client limits: the TCP peer, or, behind a trusted proxy, the last
 * `X-Forwarded-For` entry (the one that proxy appended; entries before it are the client's own
 * claim). "unknown" when neither is known.
 */
export function clientAddress(
  remoteAddress: string | undefined,
  headers: Record<string, string | string[] | undefined>,
  trustProxy: boolean,
): string {
  const forwarded = trustProxy ? lastHeader(headers["x-forwarded-for"]) : undefined;
  const relayed = forwarded
    ?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .pop();
  return relayed ?? remoteAddress ?? "unknown";
}
