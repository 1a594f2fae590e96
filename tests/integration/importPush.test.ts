import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/imports/route";
import type { Db } from "@/lib/db/client";
import { type LcbFilesOnDisk, lcbFilesOnDisk } from "../support/lcbFixture";
import { testDatabaseUrl, testDb, truncateAll } from "./db";
import { runCliCaptured, storedResults } from "./importSupport";

const TOKEN = "team-secret-token";
let db: Db;
let lcbFiles: LcbFilesOnDisk;
let server: Server;
let serverUrl: string;

/** The import route on a real HTTP server, as `next start` serves it (the request body streams). */
async function serveImportRoute(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(key, value);
  }
  const answer = await POST(
    new Request(`http://${request.headers.host}${request.url}`, {
      method: request.method,
      headers,
      body: Readable.toWeb(request) as ReadableStream<Uint8Array>,
      duplex: "half",
    } as RequestInit),
  );
  response.writeHead(answer.status, Object.fromEntries(answer.headers));
  response.end(Buffer.from(await answer.arrayBuffer()));
}

const cli = runCliCaptured;

/** `alphascope import <the LiveCodeBench run> --experiment pushed --alpha <alpha> --server <the server> …extra`. */
function push(alpha: string, ...extra: string[]) {
  const file = lcbFiles.path("eval_all.json");
  return cli("import", file, "--experiment", "pushed", "--alpha", alpha, "--server", serverUrl, ...extra);
}

beforeAll(async () => {
  lcbFiles = lcbFilesOnDisk();
  process.env.DATABASE_URL = testDatabaseUrl();
  process.env.ALPHASCOPE_WRITE_TOKEN = TOKEN;
  db = testDb();
  await truncateAll(db);
  server = createServer((request, response) => {
    serveImportRoute(request, response).catch((error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  delete process.env.ALPHASCOPE_WRITE_TOKEN;
  delete process.env.ALPHASCOPE_TOKEN;
  await new Promise((resolve) => server.close(resolve));
  lcbFiles?.remove();
  await db.$disconnect();
});

describe("alphascope import --server", () => {
  it("refuses a missing or wrong token with one line and exit 1, writing nothing", async () => {
    const missing = await push("0");
    expect(missing.code).toBe(1);
    expect(missing.err.split("\n")).toHaveLength(1);
    expect(missing.err).toContain("refused the write (HTTP 401)");
    const wrong = await push("0", "--token", "nope");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(`${serverUrl} refused the write (HTTP 403): The write token is not valid.`);
    expect(await db.experiment.count()).toBe(0);
  });

  it("previews with --dry-run, then stores what a local import of the same file stores", async () => {
    const file = lcbFiles.path("eval_all.json");
    process.env.ALPHASCOPE_TOKEN = TOKEN;
    const preview = await push("0", "--dry-run");
    expect(preview.code).toBe(0);
    expect(preview.out).toContain("Dry run — nothing was written.");
    expect(await db.experiment.count()).toBe(0);

    const pushed = await push("0");
    delete process.env.ALPHASCOPE_TOKEN;
    const local = await cli("import", file, "--experiment", "local", "--alpha", "0");
    expect(pushed).toMatchObject({ code: 0, err: "" });
    expect(local.code).toBe(0);
    // The same report, but for the experiment's name and the file named without its local folder.
    expect(pushed.out.replaceAll('"pushed"', '"local"')).toBe(local.out.replace(`${dirname(file)}/`, ""));
    expect(pushed.out).toContain("by difficulty: easy 322 (62.7%), medium 383 (23.8%), hard 350 (3.4%)");
    const [pushedRows, localRows] = [await storedResults(db, "pushed"), await storedResults(db, "local")];
    expect(pushedRows).toHaveLength(1055);
    expect(pushedRows).toEqual(localRows);
  });

  it("a write the server refuses (a conflict) is one line and exit 1", async () => {
    const again = await push("0.5", "--token", TOKEN);
    expect(again.code).toBe(1);
    expect(again.err.split("\n")).toHaveLength(1);
    expect(again.err).toContain("refused the import (HTTP 409)");
  });
});
