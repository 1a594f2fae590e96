// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded server
// (started for the occasion and stopped again unless another process is running it).
import { openDatabase } from "../lib/db/database";

const database = await openDatabase();
try {
  console.log(`Database: ${database.source}`);
  if (database.migrationsApplied.length === 0) console.log("Schema is up to date; no migration to apply.");
  for (const name of database.migrationsApplied) console.log(`Applied migration ${name}`);
} finally {
  await database.close();
}
