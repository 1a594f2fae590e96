import type { ImportStreamLine } from "../../contracts/importProgress";
import { IMPORT_PROGRESS_MEDIA_TYPE } from "../../contracts/mediaTypes";

/** Progress lines are sent at most this often (plus each file's last), so a fast import stays a few lines. */
const PROGRESS_EVERY_MS = 250;

/** The client asked for the import's progress as a stream of JSON lines. */
export function wantsProgress(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes(IMPORT_PROGRESS_MEDIA_TYPE);
}

/** Where an import reports the bytes read of each file. */
export type ProgressListener = (file: string, read: number, total: number) => void;

/**
 * A 200 answer streaming `run`'s progress as JSON lines, then its outcome (the status and body of
 * the response it returns) as the last line. `run` must not throw: it answers errors as responses.
 */
export function progressResponse(run: (onProgress: ProgressListener) => Promise<Response>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: ImportStreamLine) =>
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = Number.NEGATIVE_INFINITY;
      const outcome = await run((file, read, total) => {
        const now = performance.now();
        if (read < total && now - last < PROGRESS_EVERY_MS) return;
        last = now;
        send({ progress: { file, read, total } });
      });
      send({ status: outcome.status, body: await outcome.json() });
      controller.close();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { "content-type": IMPORT_PROGRESS_MEDIA_TYPE, "cache-control": "no-store" },
  });
}
