import { versionIdSchema } from "../../contracts/versions";
import { describeChanged } from "../../domain/checkpointChanges";
import { ApiError } from "../../server/errors";
import { listVersions, restoreVersion } from "../../server/versions";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { renderTable } from "../table";

const USAGE_LINE = "Usage: alphascope versions <slug> [--json] | alphascope versions restore <slug> <id>";

/**
 * `alphascope versions <slug> [--json]`: the experiment's versions, newest first (who, when, which α
 * and trained checkpoints each added, replaced or removed); `alphascope versions restore <slug> <id>`: makes that version
 * current again, as a new version (see POST /api/experiments/<slug>/versions/<id>/restore).
 */
export async function versionsCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { json: { type: "boolean", default: false } },
    { allowPositionals: true },
  );
  if (positionals[0] === "restore") {
    if (positionals.length !== 3) throw new UsageError(USAGE_LINE);
    const slug = slugArgument(positionals[1]);
    const id = versionIdSchema.safeParse(positionals[2]);
    if (!id.success)
      throw new UsageError(`Invalid version id ${JSON.stringify(positionals[2])}.\n${USAGE_LINE}`);
    try {
      const restored = await withDatabase((db) => restoreVersion(db, slug, id.data, "local"));
      if (values.json) io.out(JSON.stringify(restored, null, 2));
      else io.out(`Restored version ${id.data} of "${slug}" as version ${restored.version.id}.`);
      return 0;
    } catch (error) {
      if (error instanceof ApiError) throw new UsageError(error.message, 1);
      throw error;
    }
  }
  if (positionals.length !== 1) throw new UsageError(USAGE_LINE);
  const slug = slugArgument(positionals[0]);
  try {
    const { versions } = await withDatabase((db) => listVersions(db, slug));
    if (values.json) {
      io.out(JSON.stringify(versions, null, 2));
      return 0;
    }
    io.out(
      renderTable(
        ["id", "created at", "actor", "added", "replaced", "removed", ""],
        versions.map((version) => [
          String(version.id),
          version.createdAt,
          version.actor,
          describeChanged(version.changes, "added") || "—",
          describeChanged(version.changes, "replaced") || "—",
          describeChanged(version.changes, "removed") || "—",
          version.current ? "current" : "",
        ]),
      ),
    );
    return 0;
  } catch (error) {
    if (error instanceof ApiError) throw new UsageError(error.message, 1);
    throw error;
  }
}
