import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

/** The pid of the process listening on `port`: the Next server. */
export function listenerPid(port: number): string | null {
  const listing = execFileSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" });
  return /pid=(\d+)/.exec(listing)?.[1] ?? null;
}

/** Resident memory (MB) of a process. */
export function rssMb(pid: string | null): number {
  if (!pid) return Number.NaN;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024;
}

/**
 * CPU milliseconds (user + system) a process has used: per request, a cost that other work on a
 * shared machine does not inflate the way it inflates wall time.
 */
export function cpuMs(pid: string | null): number {
  if (!pid) return Number.NaN;
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  // Fields 14 and 15 of stat (utime, stime), in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
