import { describe, expect, it } from "vitest";
import { Utf8Stream } from "@/lib/import/utf8Stream";
import { createRng, randomIndex } from "@/lib/science/random";

/** The text of `bytes` fed in chunks, or "error" if the decoder throws (at any point). */
function decodeInChunks(bytes: Uint8Array, cuts: number[], decoder: "ours" | "TextDecoder"): string {
  const pieces = [0, ...cuts, bytes.length]
    .slice(1)
    .map((end, i, ends) => bytes.subarray(i === 0 ? 0 : ends[i - 1], end));
  try {
    if (decoder === "TextDecoder") {
      const reference = new TextDecoder("utf-8", { fatal: true });
      return pieces.map((piece) => reference.decode(piece, { stream: true })).join("") + reference.decode();
    }
    const stream = new Utf8Stream();
    const parts: string[] = [];
    for (const piece of pieces) stream.decode(piece, (text) => parts.push(text));
    const text = parts.join("");
    stream.end();
    return text;
  } catch (error) {
    expect(error).toBeInstanceOf(TypeError);
    return "error";
  }
}

const SAMPLES = [
  'plain ASCII {"a": 1}',
  '\uFEFF{"bom": true}',
  "é, —, 😀 and 中文 mixed with ASCII",
  "😀😀😀",
];

describe("Utf8Stream", () => {
  it("decodes as TextDecoder's fatal streaming mode does, at every split", () => {
    for (const sample of SAMPLES) {
      const bytes = new TextEncoder().encode(sample);
      for (let a = 0; a <= bytes.length; a++) {
        for (let b = a; b <= bytes.length; b++) {
          const ours = decodeInChunks(bytes, [a, b], "ours");
          expect(ours, `${sample} split at ${a}, ${b}`).toBe(decodeInChunks(bytes, [a, b], "TextDecoder"));
        }
      }
      expect(decodeInChunks(bytes, [], "ours")).toBe(sample.replace(/^\uFEFF/, ""));
    }
  });

  it("refuses what TextDecoder refuses, wherever the chunks end (seeded random bytes)", () => {
    const rng = createRng(20);
    let refused = 0;
    for (let trial = 0; trial < 2000; trial++) {
      const valid = new TextEncoder().encode(SAMPLES[trial % SAMPLES.length]);
      const bytes = Uint8Array.from(valid);
      // One to three bytes changed: stray continuation bytes, truncated or overlong sequences, surrogates.
      for (let k = 0; k <= trial % 3; k++) bytes[randomIndex(rng, bytes.length)] = randomIndex(rng, 256);
      const cuts = [randomIndex(rng, bytes.length + 1), randomIndex(rng, bytes.length + 1)].sort(
        (x, y) => x - y,
      );
      const expected = decodeInChunks(bytes, cuts, "TextDecoder");
      if (expected === "error") refused++;
      expect(decodeInChunks(bytes, cuts, "ours"), `trial ${trial}`).toBe(expected);
    }
    expect(refused).toBeGreaterThan(200);
  });

  it("cuts a long chunk into pieces between characters, never inside one", () => {
    const sample = `${"a".repeat(65_535)}é${"😀".repeat(40_000)}${"中".repeat(30_000)}`;
    const bytes = new TextEncoder().encode(sample);
    const parts: string[] = [];
    const stream = new Utf8Stream();
    stream.decode(bytes, (text) => parts.push(text));
    stream.end();
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.every((part) => new TextEncoder().encode(part).length <= 64 * 1024)).toBe(true);
    expect(parts.join("")).toBe(sample);
  });

  it("refuses input that ends inside a character", () => {
    const bytes = new TextEncoder().encode("ok 😀").subarray(0, 5);
    expect(decodeInChunks(bytes, [], "ours")).toBe("error");
  });
});
