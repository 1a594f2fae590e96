import {
  existsSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { SNAPSHOT_ID_PATTERN } from "../../contracts/sharing";
import { isSlug, SLUG_RULE } from "../../domain/slug";
import { ApiError } from "../../server/errors";
import { bundleDataOf, bundleFiles } from "../../server/staticBundle";
import { parseCommandArgs } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";

const USAGE_LINE = "Usage: alphascope bundle <snapshot-id|slug> --out <dir>";

/** The output folder, refused when it holds anything (a bundle never mixes with other files). */
function outputFolder(path: string): string {
  const out = resolve(path);
  if (existsSync(out) && !statSync(out).isDirectory())
    throw new UsageError(`--out ${path} is a file: give a new or empty folder.`);
  if (existsSync(out) && readdirSync(out).length > 0)
    throw new UsageError(`--out ${path} is not empty: give a new or empty folder.`);
  if (!existsSync(dirname(out))) throw new UsageError(`--out ${path}: its parent folder does not exist.`);
  return out;
}

/**
 * `alphascope bundle <snapshot-id|slug> --out <dir>`: a static copy of a pinned explorer view (or
 * of an experiment's current version) that opens from disk with no server and no network. The files
 * are written into a hidden folder beside `dir` and renamed into place, so `dir` is whole or absent.
 */
export async function bundleCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { out: { type: "string" } },
    { allowPositionals: true },
  );
  if (positionals.length !== 1 || values.out === undefined) throw new UsageError(USAGE_LINE);
  const [target] = positionals;
  if (!SNAPSHOT_ID_PATTERN.test(target) && !isSlug(target))
    throw new UsageError(
      `"${target}" is neither a snapshot id (8 URL-safe characters) nor an experiment slug (${SLUG_RULE}).`,
    );
  const out = outputFolder(values.out);
  const { bundle, files } = await withDatabase(async (db) => {
    try {
      const data = await bundleDataOf(db, target, new Date());
      return { bundle: data, files: await bundleFiles(data) };
    } catch (error) {
      if (error instanceof ApiError) throw new UsageError(error.message, 1);
      throw error;
    }
  });
  const partial = mkdtempSync(join(dirname(out), `.${basename(out)}-`));
  try {
    for (const file of files) writeFileSync(join(partial, file.path), file.text);
    if (existsSync(out)) rmdirSync(out);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  const source = bundle.snapshotId === null ? `"${bundle.experiment}"` : `snapshot ${bundle.snapshotId}`;
  io.out(
    `Wrote a static copy of ${source} (data version ${bundle.version}) to ${out}: open ${join(out, "index.html")}.`,
  );
  return 0;
}
