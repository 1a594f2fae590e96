/**
 * Runs once when the Next server starts: warms the explorer cache in the background (the server
 * answers requests meanwhile; a request for an experiment being warmed waits for the same work).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const [{ serverDb }, { warmExplorerCache }] = await Promise.all([
    import("./lib/server/db"),
    import("./lib/server/warm"),
  ]);
  setTimeout(() => void warmExplorerCache(serverDb()), 0);
}
