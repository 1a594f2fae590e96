const OPENERS = [
  "Minimum Cost",
  "Maximum",
  "Count",
  "Find the",
  "Longest",
  "Shortest",
  "Smallest",
  "Largest",
  "Number of",
  "Sum of",
  "Check If There Is a",
  "Make",
  "Split the",
  "Rearrange",
  "Construct the",
  "Minimize the",
  "Maximize the",
  "Reach the",
];

const QUALIFIERS = [
  "Beautiful",
  "Good",
  "Special",
  "Balanced",
  "Valid",
  "Alternating",
  "Increasing",
  "Palindromic",
  "Distinct",
  "Weighted",
  "Cyclic",
  "Adjacent",
  "Prefix",
  "Sorted",
  "Xor",
  "Bitwise",
  "Lucky",
  "Almost Equal",
];

const SUBJECTS = [
  "Path",
  "Substrings",
  "Subarrays",
  "Subsequences",
  "Tree Queries",
  "Grid Moves",
  "Array Pairs",
  "Segments",
  "Intervals",
  "Permutation",
  "Operations",
  "Coins",
  "Towers",
  "Robots",
  "Graph Edges",
  "Bit Flips",
  "Partitions",
  "Matrix Paths",
  "Game",
  "Strings",
];

const SEQUELS = [" II", " III", " IV"];

function pick<T>(rng: () => number, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)];
}

/** A plausible competitive-programming title such as "Minimum Cost Weighted Path II". */
export function fakeProblemTitle(rng: () => number): string {
  const qualifier = rng() < 0.6 ? ` ${pick(rng, QUALIFIERS)}` : "";
  const sequel = rng() < 0.2 ? pick(rng, SEQUELS) : "";
  return `${pick(rng, OPENERS)}${qualifier} ${pick(rng, SUBJECTS)}${sequel}`;
}
