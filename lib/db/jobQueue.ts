import { Logger, type LogLevel, runMigrations } from "graphile-worker";

/** The PostgreSQL schema graphile-worker keeps its jobs in (its default; separate from `public`). */
export const JOB_QUEUE_SCHEMA = "graphile_worker";

/**
 * graphile-worker's log lines go to the console from warnings up: its info and debug lines
 * (migrations, polling) would drown the launcher's and the worker's own log.
 */
export const jobQueueLogger = new Logger(() => (level: LogLevel, message: string) => {
  if (level === "error") console.error(`[jobs] ${message}`);
  else if (level === "warning") console.warn(`[jobs] ${message}`);
});

/**
 * Installs or upgrades graphile-worker's own schema (`graphile_worker`) in the database at `url`.
 * It must exist before the first import, which enqueues its statistics job in its own transaction
 * by calling `graphile_worker.add_job`; so the project's migrator runs this after its migrations.
 * Idempotent: the worker records its applied migrations in its own schema.
 */
export async function installJobQueue(url: string): Promise<void> {
  await runMigrations({ connectionString: url, schema: JOB_QUEUE_SCHEMA, logger: jobQueueLogger });
}
