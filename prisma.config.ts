// Prisma 7 CLI configuration. The app itself never reads this file: it connects through
// lib/db (adapter-pg) and applies migrations with lib/db/migrate.ts, because the CLI's migrate
// commands need a native engine that cannot be downloaded offline. Where that engine exists,
// `DATABASE_URL=… npx prisma migrate deploy` takes over the same `_prisma_migrations` table.
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL;

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  ...(url ? { datasource: { url } } : {}),
});
