import { describe, expect, it } from "vitest";
import { CLUSTER_OPTIONS, clusterCount, clusterKeys, isClusterBy } from "../../../lib/domain/clusterBy";

const problems = [
  { platform: "atcoder", contestDate: "2024-03-02" },
  { platform: "atcoder", contestDate: "2024-03-02T00:00:00" },
  { platform: "leetcode", contestDate: "2024-03-02" },
  { platform: "atcoder", contestDate: null },
  { platform: null, contestDate: "2024-04-01" },
];

describe("clusterKeys", () => {
  it("makes a contest of one platform's problems on one day; no date, no contest", () => {
    const keys = clusterKeys(problems, "contest");
    expect(keys[0]).toBe(keys[1]);
    expect(keys[2]).not.toBe(keys[0]);
    expect(keys[3]).toBeNull();
    expect(keys[4]).not.toBeNull();
    expect(clusterCount(keys)).toBe(4);
  });

  it("groups by a metadata value, a missing value alone", () => {
    expect(clusterKeys(problems, "metadata:platform")).toEqual([
      "atcoder",
      "atcoder",
      "leetcode",
      "atcoder",
      null,
    ]);
    expect(clusterKeys(problems, "metadata:contestDate")).toEqual([
      "2024-03-02",
      "2024-03-02",
      "2024-03-02",
      null,
      "2024-04-01",
    ]);
    expect(clusterCount(clusterKeys(problems, "metadata:contestDate"))).toBe(3);
  });

  it("accepts exactly the listed options", () => {
    for (const option of CLUSTER_OPTIONS) expect(isClusterBy(option)).toBe(true);
    expect(isClusterBy("metadata:title")).toBe(false);
    expect(isClusterBy(null)).toBe(false);
  });
});
