import { describe, expect, it } from "vitest";
import { clusterGroups, clusterResampleIndices } from "@/lib/science/clusterResample";
import { createRng } from "@/lib/science/random";

describe("clusterResampleIndices", () => {
  const clusters = ["c1", "c1", "c2", null, "c2", "c3"];

  it("groups problems by key, a null key alone", () => {
    expect(clusterGroups(clusters)).toEqual([[0, 1], [2, 4], [3], [5]]);
  });

  it("draws whole clusters, as many as there are, each about equally often (seeded)", () => {
    const rng = createRng(2108);
    const counts = [0, 0, 0, 0];
    const groups = clusterGroups(clusters);
    const draws = 4000;
    for (let draw = 0; draw < draws; draw++) {
      const sample = Array.from(clusterResampleIndices(clusters, rng));
      // Split back into clusters: every cluster appears whole and the count of clusters is 4.
      let seen = 0;
      for (let i = 0; i < sample.length; ) {
        const group = groups.findIndex((g) => g[0] === sample[i]);
        expect(sample.slice(i, i + groups[group].length)).toEqual(groups[group]);
        counts[group]++;
        i += groups[group].length;
        seen++;
      }
      expect(seen).toBe(4);
    }
    for (const count of counts) expect(count / (draws * 4)).toBeCloseTo(0.25, 1);
  });

  it("without labels is the ordinary problem bootstrap", () => {
    expect(clusterResampleIndices([null, null, null], createRng(1))).toHaveLength(3);
  });
});
