import { paletteCss } from "@/lib/charts/palette";
import { DATABASE_RETRY_AFTER_SECONDS } from "./errors";

/**
 * The page a browser gets (503) while the database is down: what happened and that it will reload
 * by itself. Self-contained (it cannot render the app's pages, which need the database); its one
 * style element carries the response's CSP nonce. In the app's colours, light or dark as the system prefers.
 */
export function databaseUnavailablePage(nonce: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="refresh" content="${DATABASE_RETRY_AFTER_SECONDS * 2}">
<title>Database unavailable · alphascope</title>
<style nonce="${nonce}">
${paletteCss()}
:root { color-scheme: light dark; }
body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: var(--text); background: var(--bg); }
main { max-width: 36rem; margin: 12vh auto; padding: 1.5rem 2rem; background: var(--surface); border: 1px solid var(--border); border-radius: 8px; }
a { color: var(--accent); }
h1 { font-size: 1.25rem; margin-top: 0; }
</style>
</head>
<body>
<main>
<h1>The database is not reachable</h1>
<p>alphascope could not connect to PostgreSQL, so this page cannot be shown right now.</p>
<p>This page reloads by itself every ${DATABASE_RETRY_AFTER_SECONDS * 2} seconds; you can also <a href="">reload it now</a>. If it stays down, check that PostgreSQL is running (or restart alphascope with <code>npm start</code>, which starts the embedded database).</p>
</main>
</body>
</html>
`;
}
