import { StatusPanel } from "./StatusPanel";

/** Shown when the server could not reach PostgreSQL: says so plainly and how to recover. */
export function DatabaseUnavailable() {
  return (
    <StatusPanel tone="error" title="The database is not reachable">
      <p>
        alphascope could not connect to PostgreSQL. If you set <code>DATABASE_URL</code>, check that the
        server is running and accepts connections; otherwise restart with <code>npm start</code>, which starts
        the embedded database.
      </p>
      <p>Reload this page once it is back.</p>
    </StatusPanel>
  );
}
