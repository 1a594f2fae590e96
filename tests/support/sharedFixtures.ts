import { fileURLToPath } from "node:url";

/**
 * The path of the real LiveCodeBench run in the project's shared fixtures (../shared next to the
 * repository, as on developers' machines and in CI).
 */
export function sharedLcbPath(suffix: "eval_all.json" | "eval.json"): string {
  const name = `Scenario.codegeneration_1_0.2_${suffix}`;
  return fileURLToPath(new URL(`../../../shared/fixtures/livecodebench/Qwen-3-8B/${name}`, import.meta.url));
}
