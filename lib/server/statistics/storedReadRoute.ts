import { versionQuerySchema } from "../../contracts/versions";
import { requireReaderOf } from "../auth/visibility";
import { serverDb, serverReadDb } from "../db";
import { NotFoundError } from "../errors";
import { handle, parseSearchParams } from "../http";
import { slugParam } from "../params";
import { readStoredResponse, type StoredRead, storedResponse } from "./read";

/**
 * The GET handler of a route that serves one stored read of an experiment's current version as it
 * is stored (ETag: the version and the kind; 304 on a match; 404 for an unknown experiment or one
 * the caller may not read, checked before any stored body is served), or, with `?version=<id>`, of
 * that version, read-only.
 */
export function storedReadRoute(read: StoredRead) {
  return (request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> =>
    handle(async () => {
      const slug = await slugParam(params);
      await requireReaderOf(request, serverDb(), slug);
      const { version } = parseSearchParams(request, versionQuerySchema);
      const stored = await readStoredResponse(
        serverReadDb(),
        slug,
        read,
        request.headers.get("if-none-match"),
        version,
      );
      if (!stored) throw new NotFoundError(`No experiment "${slug}".`);
      return storedResponse(stored);
    });
}
