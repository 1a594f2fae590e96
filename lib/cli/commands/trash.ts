import { listTrash } from "../../db/queries/experiments";
import { purgeDate, trashDays } from "../../server/trash";
import { parseCommandArgs } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { renderTable } from "../table";

/** `alphascope trash [--json]`: the deleted experiments, when each was deleted and will be purged. */
export async function trashCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { json: { type: "boolean", default: false } },
    { allowPositionals: true },
  );
  if (positionals.length > 0) throw new UsageError("Usage: alphascope trash [--json]");
  const days = trashDays();
  const trashed = (await withDatabase(listTrash)).map(({ slug, name, deletedAt }) => ({
    slug,
    name,
    deletedAt: deletedAt.toISOString(),
    purgeAt: purgeDate(deletedAt, days).toISOString(),
  }));
  if (values.json) {
    io.out(JSON.stringify(trashed, null, 2));
    return 0;
  }
  if (trashed.length === 0) {
    io.out("The trash is empty.");
    return 0;
  }
  io.out(
    renderTable(
      ["slug", "name", "deleted at", "purged after"],
      trashed.map((row) => [row.slug, row.name, row.deletedAt, row.purgeAt]),
    ),
  );
  return 0;
}
