import pg from "pg";

/** The channel the data_changes triggers NOTIFY at commit, with the changed experiment's slug. */
export const DATA_CHANGES_CHANNEL = "alphascope_data_changes";

/** How long to wait before listening again after the connection was lost. */
const RECONNECT_MS = 5000;

export interface DataChangeListener {
  stop(): Promise<void>;
}

/**
 * Listens on one dedicated connection to `url` (the primary: a hot standby cannot LISTEN) and calls
 * `onChange` with the slug of every experiment whose data or stored statistics a commit changed
 * (an empty slug for a change without one, such as a TRUNCATE). A lost connection is made again
 * after a pause; notifications sent meanwhile are lost, which only costs a lookup later, never
 * correctness (readers compare data_changes themselves).
 */
export function listenForDataChanges(url: string, onChange: (slug: string) => void): DataChangeListener {
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async () => {
    const next = new pg.Client({ connectionString: url, application_name: "alphascope-listener" });
    next.on("notification", (message) => {
      if (message.channel === DATA_CHANGES_CHANNEL) onChange(message.payload ?? "");
    });
    next.on("error", () => reconnect(next));
    next.on("end", () => reconnect(next));
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${DATA_CHANGES_CHANNEL}`);
    } catch {
      reconnect(next);
    }
  };
  const reconnect = (lost: pg.Client) => {
    if (stopped || client !== lost) return;
    client = null;
    lost.end().catch(() => undefined);
    retry = setTimeout(() => void connect(), RECONNECT_MS);
    retry.unref();
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
