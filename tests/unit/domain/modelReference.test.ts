import { describe, expect, it } from "vitest";
import { modelReferenceFault } from "@/lib/domain/modelReference";
import { experimentMetadataPatchSchema } from "@/lib/formats/experimentMetadata";
import { manifestSchema } from "@/lib/formats/manifestSchema";
import { importFieldsSchema } from "@/lib/server/imports/apiRequest";

/** The issue's reference: U+2028 line breaks that, in PyYAML, add a model to the merge. */
const HIJACK =
  "org/model-A\u2028    parameters:\u2028      weight:\u2028        0\u2028  -\u2028    model:\u2028      attacker/backdoored-model";

const RULE =
  "a model reference must be a Hugging Face id (org/name, optionally @revision) or a path, without format or line-separator characters";

describe("modelReferenceFault", () => {
  it.each([
    "gpt2",
    "org/name",
    "meta-llama/Llama-3.1-8B",
    "org/name@main",
    "org/name@refs/pr/1",
    "org/name@0123abcd",
    "/data/ckpt/step 100",
    "./runs/α=0.5",
    "../merged",
    "~/models/a",
    "runs/2024/ckpt-1",
    "C:\\models\\a",
    "on",
    "2001-12-14",
  ])("accepts %j", (reference) => {
    expect(modelReferenceFault(reference)).toBeNull();
  });

  it.each([
    [HIJACK, `contains the line separator U+2028 at character 12; ${RULE}`],
    ["org/a\u2029b", `contains the paragraph separator U+2029 at character 6; ${RULE}`],
    ["org/a\u200bb", `contains the format character U+200B at character 6; ${RULE}`],
    ["😀/a\u202eb", `contains the format character U+202E at character 4; ${RULE}`],
    ["org/a\ufeff", `contains the format character U+FEFF at character 6; ${RULE}`],
    [
      "model name",
      "must be a Hugging Face id (org/name, optionally @revision) or a path, without format or line-separator characters",
    ],
    [
      "-rf",
      "must be a Hugging Face id (org/name, optionally @revision) or a path, without format or line-separator characters",
    ],
  ])("refuses %j", (reference, message) => {
    expect(modelReferenceFault(reference)).toBe(message);
  });
});

describe("the attack reference is refused wherever a model reference enters", () => {
  const manifest = (model: string) => ({
    slug: "s",
    name: "S",
    benchmark: "b",
    setting: "pure-reasoning",
    endpoints: { a: { label: "A", model }, b: { label: "B" } },
    checkpoints: [{ alpha: 0, file: "a.jsonl", model }],
  });
  const messages = (result: {
    success: boolean;
    error?: { issues: { path: PropertyKey[]; message: string }[] };
  }) => (result.error?.issues ?? []).map((issue) => `${issue.path.join(".")}: ${issue.message}`);

  it("in a manifest: the endpoint's and the checkpoint's model", () => {
    expect(messages(manifestSchema.safeParse(manifest(HIJACK)))).toEqual([
      `endpoints.a.model: contains the line separator U+2028 at character 12; ${RULE}`,
      `checkpoints.0.model: contains the line separator U+2028 at character 12; ${RULE}`,
    ]);
    expect(manifestSchema.safeParse(manifest("org/model-A")).success).toBe(true);
  });

  it("in PATCH /api/experiments/<slug>", () => {
    expect(
      messages(experimentMetadataPatchSchema.safeParse({ endpoints: { b: { model: HIJACK } } })),
    ).toEqual([`endpoints.b.model: contains the line separator U+2028 at character 12; ${RULE}`]);
  });

  it("in POST /api/imports", () => {
    expect(
      messages(importFieldsSchema.safeParse({ endpointAModel: "a\u0085b", endpointBModel: HIJACK })),
    ).toEqual([
      "endpointAModel: contains the control character U+0085 at character 2",
      `endpointBModel: contains the line separator U+2028 at character 12; ${RULE}`,
    ]);
  });
});
