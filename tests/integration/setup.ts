import { testDatabaseUrl } from "./db";

// Each test file starts with DATABASE_URL on its worker's database (see global-setup.ts), as route
// handlers and the in-process CLI read it: a file running beside it in another worker has its own.
process.env.DATABASE_URL = testDatabaseUrl();
