import type { Db } from "../../db/client";
import { dataChangeId } from "../../db/queries/dataChanges";

/** The data_changes query of one database handle on its way, and the one queued behind it. */
interface ChangeCheck {
  sent: Promise<string | null> | null;
  queued: Promise<string | null> | null;
}

const globalForChecks = globalThis as typeof globalThis & {
  alphascopeChangeChecks?: WeakMap<Db, ChangeCheck>;
};
// On globalThis: Next may bundle this module into more than one chunk of the same server process.
globalForChecks.alphascopeChangeChecks ??= new WeakMap();
const checks = globalForChecks.alphascopeChangeChecks;

function send(db: Db, check: ChangeCheck): Promise<string | null> {
  const query: Promise<string | null> = dataChangeId(db).finally(() => {
    if (check.sent === query) check.sent = null;
  });
  check.sent = query;
  return query;
}

/**
 * The data_changes id as a query sent after this call reads it. Never the answer of a query already
 * on its way: that one may have been read before a commit the caller has seen (an import answered
 * through another server), and "the very next request shows it" would not hold. Concurrent callers
 * share queries: while one is on its way, everyone arriving waits for the single one sent after it,
 * so under load a web server asks once per round trip, not once per request.
 */
export function currentDataChange(db: Db): Promise<string | null> {
  let check = checks.get(db);
  if (!check) {
    check = { sent: null, queued: null };
    checks.set(db, check);
  }
  if (check.queued) return check.queued;
  if (!check.sent) return send(db, check);
  const waiting = check;
  const ignore = () => undefined;
  waiting.queued = check.sent.then(ignore, ignore).then(() => {
    waiting.queued = null;
    return send(db, waiting);
  });
  return waiting.queued;
}
