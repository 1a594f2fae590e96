import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./freePort";

export interface RunningApp {
  baseUrl: string;
  dataDir: string;
  /** Everything the launcher printed so far. */
  log(): string;
  /** Sends SIGTERM and resolves with the launcher's exit code. */
  stop(): Promise<number | null>;
}

/**
 * Starts alphascope the way a user does (`npm start`: the launcher builds when needed, starts an embedded
 * PostgreSQL in a fresh data directory, loads the demo sweep and serves the production build) and waits
 * until /api/health answers. With `dataDir`, the app runs on that directory's database (made by an
 * earlier start) and leaves it in place when stopped; the caller deletes it. With `port`, it serves
 * there (a caller that must know its URL beforehand, e.g. to register it with an OpenID provider).
 */
export async function startApp(
  options: {
    env?: Record<string, string>;
    timeoutMs?: number;
    dataDir?: string;
    port?: number;
    /** A checkout to start instead of this one (its own build), e.g. a benchmark's "before". */
    cwd?: string;
  } = {},
): Promise<RunningApp> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "alphascope-app-"));
  const port = options.port ?? (await freePort());
  const dbPort = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: options.cwd,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      ALPHASCOPE_DATA_DIR: dataDir,
      ALPHASCOPE_PG_PORT: String(dbPort),
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    const code = await exited;
    if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
    return code;
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 240_000);
  while (true) {
    // A launcher that failed or hangs is stopped and its data directory deleted before the error.
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`The launcher exited with code ${child.exitCode}:\n${output.join("")}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The app did not become healthy in time:\n${output.join("")}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseUrl, dataDir, log: () => output.join(""), stop };
}
