import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICENESS, lowerThisThreadPriority } from "@/lib/server/compute/threadPriority";

/** The calling thread's nice value, field 19 of /proc/thread-self/stat (after the parenthesised name). */
function threadNiceness(): number {
  const stat = readFileSync("/proc/thread-self/stat", "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
}

describe.runIf(existsSync("/proc/thread-self"))("lowerThisThreadPriority (Linux)", () => {
  it("sets the calling thread's own nice value to the background niceness", () => {
    lowerThisThreadPriority();
    expect(threadNiceness()).toBe(BACKGROUND_NICENESS);
  });
});
