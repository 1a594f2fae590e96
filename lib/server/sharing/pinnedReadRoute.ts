import type { StoredSnapshot } from "../../db/queries/snapshots";
import { requireSnapshotReader } from "../auth/visibility";
import { serverDb, serverReadDb } from "../db";
import { handle } from "../http";
import { snapshotIdParam } from "./params";
import { findSnapshot } from "./snapshots";

/**
 * The GET handler of a read of one pinned snapshot without a query: the caller's read check, the
 * snapshot (404 when there is none), then `read`'s answer as JSON.
 */
export function pinnedReadRoute(read: (snapshot: StoredSnapshot) => unknown) {
  return (request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> =>
    handle(async () => {
      const id = await snapshotIdParam(params);
      await requireSnapshotReader(request, serverDb(), id);
      return Response.json(read(await findSnapshot(serverReadDb(), id)));
    });
}
