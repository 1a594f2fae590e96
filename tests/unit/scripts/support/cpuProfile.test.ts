import { describe, expect, it } from "vitest";
import { type CpuProfile, selfTimes } from "@/scripts/support/cpuProfile";

const frame = (functionName: string, url = "", lineNumber = 0, columnNumber = 0) => ({
  functionName,
  url,
  lineNumber,
  columnNumber,
});

describe("selfTimes", () => {
  it("charges each sample's interval to the function on top, adding nodes of the same function", () => {
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame("(root)"), children: [2, 4] },
        { id: 2, callFrame: frame("render", "http://h/_next/static/chunks/app.js", 9, 4), children: [3] },
        { id: 3, callFrame: frame("", "http://h/_next/static/chunks/app.js", 19, 0) },
        // The same function reached along another path: one entry with node 2.
        { id: 4, callFrame: frame("render", "http://h/_next/static/chunks/app.js", 9, 4) },
        { id: 5, callFrame: frame("(idle)") },
      ],
      startTime: 0,
      endTime: 10_000,
      samples: [2, 3, 4, 5, 2],
      // Microseconds since the previous sample: 1 ms, 2 ms, 3 ms, 4 ms; the last sample has no interval.
      timeDeltas: [0, 1000, 2000, 3000, 4000],
    };
    expect(selfTimes(profile)).toEqual([
      { name: "render app.js:10:5", selfMs: 4 },
      { name: "(idle)", selfMs: 4 },
      { name: "(anonymous) app.js:20:1", selfMs: 2 },
    ]);
  });
});
