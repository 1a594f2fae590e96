import { closeSync, openSync, writeSync } from "node:fs";
import { emptyVerdictCounts, type Verdict, type VerdictCounts } from "../../lib/domain/verdicts";
import { createRng, randomIndex } from "../../lib/science/random";

/** The shape of a generated lcb_runner `_eval_all.json`. */
export interface LcbEvalAllShape {
  problems: number;
  samples: number;
  /** Characters of each sample's model output (`output_list`); its code (`code_list`) is a third of it. */
  outputChars: number;
  seed: number;
}

/** What a generated file holds, counted while it was written: what an import must report. */
export interface LcbEvalAllTotals {
  bytes: number;
  problems: number;
  samples: number;
  verdicts: VerdictCounts;
}

const DIFFICULTIES = ["easy", "medium", "hard"] as const;
/** Chance that a sample passes, by difficulty (about what a small model scores on LiveCodeBench). */
const PASS_RATE = { easy: 0.7, medium: 0.3, hard: 0.08 };
const FAILURES: readonly { code: number; verdict: Verdict; message: string }[] = [
  { code: -2, verdict: "wrongAnswer", message: "Wrong Answer" },
  { code: -2, verdict: "wrongAnswer", message: "Wrong Answer" },
  { code: -3, verdict: "timeLimit", message: "Time Limit Exceeded" },
  { code: -4, verdict: "runtimeError", message: "Runtime Error" },
  { code: -1, verdict: "compileError", message: "Compilation Error" },
];
const CODE_LINES = [
  "n = int(input())",
  "a = list(map(int, input().split()))",
  'print("YES" if ok else "NO")',
  "for i in range(n):",
  "    if a[i] > best:",
  "        best = a[i]",
  "ans = sum(x * x for x in a) % 998244353",
  "def solve(s: str) -> int:",
  "    return len(set(s)) \t# distinct letters",
  "import sys; input = sys.stdin.readline",
  "dp = [[0] * (m + 1) for _ in range(n + 1)]",
  "Let me think about the edge case where n == 1 — the answer is “0”.",
];

/** A code-like text of about `chars` characters: newlines, quotes, tabs and some non-ASCII, as models write. */
function codeText(rng: () => number, chars: number): string {
  const lines: string[] = [];
  let length = 0;
  while (length < chars) {
    const line = CODE_LINES[randomIndex(rng, CODE_LINES.length)];
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join("\n").slice(0, chars);
}

const ITEM = Buffer.from(",\n            ");
const LIST_START = Buffer.from("[\n            ");
const LIST_END = Buffer.from("\n        ]");

/** A JSON array of encoded items laid out as Python's json.dump(…, indent=4) does, inside a problem record. */
function list(items: readonly Buffer[]): Buffer[] {
  const pieces: Buffer[] = [LIST_START];
  items.forEach((item, i) => {
    if (i > 0) pieces.push(ITEM);
    pieces.push(item);
  });
  pieces.push(LIST_END);
  return pieces;
}

/** A string as JSON, the way Python's json.dump writes it (lcb_runner's writer): non-ASCII as \\u escapes. */
function encoded(value: string): Buffer {
  return Buffer.from(
    JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    ),
  );
}

/** A pool of JSON-encoded texts to draw the samples' outputs and code from (generating each would be slower than the import). */
function textPool(rng: () => number, chars: number): Buffer[] {
  return Array.from({ length: 64 }, () =>
    encoded(`\`\`\`python\n${codeText(rng, Math.round(chars * (0.75 + rng() * 0.5)))}\n\`\`\``),
  );
}

const METADATA_POOL = 64;
const TRUE = Buffer.from("true");
const FALSE = Buffer.from("false");

/** Per-sample metadata entries (JSON strings, JSON-encoded) to draw from. */
function metadataPool(make: () => Record<string, unknown>): Buffer[] {
  return Array.from({ length: METADATA_POOL }, () => encoded(JSON.stringify(make())));
}

/**
 * Writes a seeded lcb_runner `_eval_all.json` of the given shape to `path`, one problem at a time, and
 * returns its totals. The records have every field lcb_runner writes (statement, starter code, outputs,
 * code, graded_list, pass@1, per-sample metadata JSON strings, a failure's with inputs and outputs).
 */
export function writeLcbEvalAll(path: string, shape: LcbEvalAllShape): LcbEvalAllTotals {
  const rng = createRng(shape.seed);
  const outputs = textPool(rng, shape.outputChars);
  const codes = textPool(rng, Math.max(1, Math.round(shape.outputChars / 3)));
  const statement = encoded(codeText(rng, 1500)).toString();
  const passMetadata = metadataPool(() => ({ "execution time": rng() * 2 }));
  const failureMetadata = FAILURES.map((failure) =>
    metadataPool(() => ({
      output: String(randomIndex(rng, 100)),
      expected: String(randomIndex(rng, 100)),
      inputs: `${1 + randomIndex(rng, 9)}\n${Array.from({ length: 8 }, () => randomIndex(rng, 1000)).join(" ")}`,
      error_code: failure.code,
      error_message: failure.message,
    })),
  );
  const verdicts = emptyVerdictCounts();
  const pick = (pool: readonly Buffer[]) => pool[randomIndex(rng, pool.length)];
  const fd = openSync(path, "w");
  let bytes = 0;
  try {
    bytes += writeSync(fd, "[");
    for (let p = 0; p < shape.problems; p++) {
      const difficulty = DIFFICULTIES[p % 3];
      const graded: Buffer[] = [];
      const metadata: Buffer[] = [];
      let passes = 0;
      for (let s = 0; s < shape.samples; s++) {
        if (rng() < PASS_RATE[difficulty]) {
          passes++;
          verdicts.pass++;
          graded.push(TRUE);
          metadata.push(pick(passMetadata));
        } else {
          const f = randomIndex(rng, FAILURES.length);
          verdicts[FAILURES[f].verdict]++;
          graded.push(FALSE);
          metadata.push(pick(failureMetadata[f]));
        }
      }
      const id = `${1800 + p}_${String.fromCharCode(65 + (p % 6))}`;
      const head = [
        `"question_title": "Problem ${p}"`,
        `"question_content": ${statement}`,
        `"platform": "${["codeforces", "atcoder", "leetcode"][p % 3]}"`,
        `"question_id": "${id}"`,
        `"contest_id": "${1800 + p}"`,
        `"contest_date": "2024-0${1 + (p % 9)}-1${p % 10}T00:00:00"`,
        `"starter_code": ""`,
        `"difficulty": "${difficulty}"`,
        `"output_list": `,
      ].join(",\n        ");
      const record = Buffer.concat([
        Buffer.from(`${p === 0 ? "\n" : ",\n"}    {\n        ${head}`),
        ...list(graded.map(() => pick(outputs))),
        Buffer.from(',\n        "code_list": '),
        ...list(graded.map(() => pick(codes))),
        Buffer.from(',\n        "graded_list": '),
        ...list(graded),
        Buffer.from(`,\n        "pass@1": ${(passes / shape.samples) * 100},\n        "metadata": `),
        ...list(metadata),
        Buffer.from("\n    }"),
      ]);
      bytes += writeSync(fd, record);
    }
    bytes += writeSync(fd, "\n]");
  } finally {
    closeSync(fd);
  }
  return { bytes, problems: shape.problems, samples: shape.problems * shape.samples, verdicts };
}
