import type { Setting } from "../domain/setting";
import type { ExperimentInput } from "../domain/sweepInput";
import type { ImportFormat } from "../formats/formats";

/**
 * What a user said about the experiment to import into: only the slug is required. The rest is
 * used only when the experiment is created (an existing one keeps its metadata).
 */
export interface ExperimentSpec {
  slug: string;
  name?: string;
  description?: string;
  benchmark?: string;
  setting?: Setting;
  modelFamily?: string | null;
  modelScale?: string | null;
  endpointA?: { label: string; model: string | null };
  endpointB?: { label: string; model: string | null };
  study?: { slug: string; name?: string } | null;
}

/** The benchmark each harness evaluates; native files name none, so they default to "custom". */
const BENCHMARK_OF_FORMAT: Record<ImportFormat, string> = {
  "lcb-eval-all": "livecodebench",
  "lcb-eval": "livecodebench",
  evalplus: "evalplus",
  "human-eval": "humaneval",
  "alphascope-jsonl": "custom",
  "alphascope-csv": "custom",
};

/**
 * The experiment to create when the slug is new: the spec's fields, and otherwise the defaults
 * (name = slug, benchmark from the first file's format, pure-reasoning setting, endpoints "A" and
 * "B"). Problems are shared per benchmark, so the benchmark decides which problems are the same.
 */
export function completeExperiment(spec: ExperimentSpec, firstFormat: ImportFormat): ExperimentInput {
  return {
    slug: spec.slug,
    name: spec.name ?? spec.slug,
    description: spec.description ?? "",
    benchmark: spec.benchmark ?? BENCHMARK_OF_FORMAT[firstFormat],
    setting: spec.setting ?? "pure-reasoning",
    modelFamily: spec.modelFamily ?? null,
    modelScale: spec.modelScale ?? null,
    synthetic: false,
    endpointA: spec.endpointA ?? { label: "A", model: null },
    endpointB: spec.endpointB ?? { label: "B", model: null },
    study: spec.study ?? null,
  };
}
