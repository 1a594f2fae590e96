import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { VERDICTS } from "@/lib/domain/verdicts";
import { MAX_STORED_COUNT, TEXT_LIMITS } from "@/lib/formats/limits";
import { NATIVE_COUNT_FIELDS, NATIVE_SAMPLE_FIELDS } from "@/lib/formats/nativeFields";
import { fixture } from "./helpers";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  oneOf?: Schema[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

const schemaUrl = new URL("../../../docs/alphascope-jsonl.schema.json", import.meta.url);
const root = JSON.parse(readFileSync(fileURLToPath(schemaUrl), "utf8")) as Schema & {
  $defs: Record<string, Schema>;
};

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** A hand check of the JSON Schema keywords the file uses (enough to catch a drift, not a full validator). */
function conforms(value: unknown, schema: Schema): boolean {
  if (schema.$ref)
    return conforms(value, root.$defs[schema.$ref.replace("#/$defs/", "")]) && conformsRest(value, schema);
  return conformsRest(value, schema);
}

function conformsRest(value: unknown, schema: Schema): boolean {
  if (schema.oneOf) return schema.oneOf.filter((s) => conforms(value, s)).length === 1;
  if (schema.type) {
    const types = Array.isArray(schema.type) ? schema.type : [schema.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) return false;
  }
  if (schema.enum && !schema.enum.includes(value)) return false;
  if (typeof value === "number") {
    if (schema.minimum !== undefined && value < schema.minimum) return false;
    if (schema.maximum !== undefined && value > schema.maximum) return false;
  }
  if (typeof value === "string") {
    const characters = [...value].length;
    if (schema.minLength !== undefined && characters < schema.minLength) return false;
    if (schema.maxLength !== undefined && characters > schema.maxLength) return false;
    if (schema.pattern !== undefined && !new RegExp(schema.pattern).test(value)) return false;
  }
  if (typeOf(value) === "object") {
    const record = value as Record<string, unknown>;
    if (schema.required?.some((key) => !(key in record))) return false;
    for (const [key, child] of Object.entries(record)) {
      const property = schema.properties?.[key];
      if (!property) {
        if (schema.additionalProperties === false) return false;
      } else if (!conforms(child, property)) {
        return false;
      }
    }
  }
  return true;
}

const lines = (text: string) =>
  text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as unknown);

describe("docs/alphascope-jsonl.schema.json", () => {
  it("accepts every line of the native fixtures", () => {
    for (const line of [
      ...lines(fixture("native/counts.jsonl")),
      ...lines(fixture("native/samples.jsonl")),
    ]) {
      expect(conforms(line, root)).toBe(true);
    }
  });

  it.each([
    ["a negative count", { problem: "p", n: 1, pass: -1 }],
    ["a fractional count", { problem: "p", n: 2, pass: 1.5 }],
    ["a misspelt field", { problem: "p", n: 1, wrong_answer: 1 }],
    ["an unknown verdict", { problem: "p", verdict: "accepted" }],
    ["both shapes at once", { problem: "p", n: 1, pass: 1, verdict: "pass" }],
    ["a string α", { alpha: "0.5", problem: "p", verdict: "pass" }],
    ["no problem", { n: 1, pass: 1 }],
    ["a problem id over 200 characters", { problem: "p".repeat(201), verdict: "pass" }],
    ["a count beyond PostgreSQL's integer", { problem: "p", n: 2 ** 31, pass: 2 ** 31 }],
    ["a contest date with trailing text", { problem: "p", verdict: "pass", contestDate: "2024-01-01 or so" }],
  ])("rejects %s", (_, line) => {
    expect(conforms(line, root)).toBe(false);
  });

  it("lists exactly the fields the parser accepts", () => {
    const countFields = Object.keys(root.$defs.countLine.properties ?? {});
    const sampleFields = Object.keys(root.$defs.sampleLine.properties ?? {});
    expect(new Set(countFields)).toEqual(NATIVE_COUNT_FIELDS);
    expect(new Set(sampleFields)).toEqual(NATIVE_SAMPLE_FIELDS);
    expect(root.$defs.sampleLine.properties?.verdict.enum).toEqual([...VERDICTS]);
  });

  it("states the importer's limits (lib/formats/limits.ts)", () => {
    const { $defs } = root;
    expect($defs.problem.maxLength).toBe(TEXT_LIMITS.problemId);
    expect($defs.title.maxLength).toBe(TEXT_LIMITS.title);
    expect($defs.platform.maxLength).toBe(TEXT_LIMITS.platform);
    expect($defs.count.maximum).toBe(MAX_STORED_COUNT);
    expect($defs.countLine.properties?.n.maximum).toBe(MAX_STORED_COUNT);
  });
});
