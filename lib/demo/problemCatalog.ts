import type { ProblemInput } from "../domain/sweepInput";
import type { DemoDifficulty } from "./behaviour";
import { fakeProblemTitle } from "./titles";

type Platform = "leetcode" | "atcoder" | "codeforces";

/** Platform shares roughly as in LiveCodeBench v5. */
const PLATFORM_SHARES: [Platform, number][] = [
  ["leetcode", 0.4],
  ["atcoder", 0.45],
  ["codeforces", 0.15],
];

const FIRST_CONTEST_DAY = Date.UTC(2024, 0, 1);
const LAST_CONTEST_DAY = Date.UTC(2025, 11, 31);
const DAY_MS = 86_400_000;

/** Hands out unique, platform-styled ids: "3215", "abc372_e", "2007D". */
class ProblemIdSequence {
  private leetcode = 3100;
  private atcoder = 0;
  private codeforces = 0;

  next(platform: Platform, rng: () => number): string {
    if (platform === "leetcode") {
      this.leetcode += 1 + Math.floor(rng() * 3);
      return String(this.leetcode);
    }
    if (platform === "atcoder") {
      const index = this.atcoder++;
      const letter = "cdefg"[index % 5];
      return `abc${340 + Math.floor(index / 5)}_${letter}`;
    }
    const index = this.codeforces++;
    return `${1950 + Math.floor(index / 4)}${"CDEF"[index % 4]}`;
  }
}

function pickPlatform(rng: () => number): Platform {
  let u = rng();
  for (const [platform, share] of PLATFORM_SHARES) {
    if (u < share) return platform;
    u -= share;
  }
  return "leetcode";
}

function contestDate(rng: () => number): string {
  const days = Math.floor(rng() * ((LAST_CONTEST_DAY - FIRST_CONTEST_DAY) / DAY_MS + 1));
  return new Date(FIRST_CONTEST_DAY + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Metadata for a LiveCodeBench-like problem set: one entry per requested difficulty slot, with
 * unique ids, fake titles, platforms and contest dates in 2024–2025.
 */
export function fakeProblemSet(rng: () => number, difficulties: readonly DemoDifficulty[]): ProblemInput[] {
  const ids = new ProblemIdSequence();
  return difficulties.map((difficulty) => {
    const platform = pickPlatform(rng);
    return {
      externalId: ids.next(platform, rng),
      title: fakeProblemTitle(rng),
      difficulty,
      platform,
      contestDate: contestDate(rng),
    };
  });
}
