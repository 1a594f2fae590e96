import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

/** The handle every query function in lib/db/queries takes. */
export type Db = PrismaClient;

/**
 * A Prisma client on `url` over node-postgres (no native engine needed), with node-postgres's pool
 * of `maxConnections` (default 10). Disconnect it when done.
 */
export function createPrisma(url: string, maxConnections?: number): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: maxConnections }) });
}

const globalForPrisma = globalThis as typeof globalThis & {
  alphascopePrisma?: Db;
  alphascopeReadPrisma?: Db;
};

/**
 * The Next server's client on process.env.DATABASE_URL (set by the launcher), kept on globalThis
 * so that dev-mode hot reloads reuse one connection pool instead of leaking a new one each time.
 */
export function getPrisma(): Db {
  if (!globalForPrisma.alphascopePrisma) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set; start the app with `npm start` or `npm run dev`.");
    globalForPrisma.alphascopePrisma = createPrisma(url);
  }
  return globalForPrisma.alphascopePrisma;
}

/**
 * The Next server's client for reads: process.env.DATABASE_READ_URL when set (a read replica, or a
 * role that may only read), otherwise the one of {@link getPrisma}.
 */
export function getReadPrisma(): Db {
  const url = process.env.DATABASE_READ_URL;
  if (!url) return getPrisma();
  globalForPrisma.alphascopeReadPrisma ??= createPrisma(url);
  return globalForPrisma.alphascopeReadPrisma;
}
