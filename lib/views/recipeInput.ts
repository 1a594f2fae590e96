import type { FrontierData } from "../contracts/types";
import type { DifficultySlice } from "../domain/difficulty";
import type { MergekitRecipeInput } from "../responses/mergekitRecipe";
import { headlineAt } from "./headlineAt";

/**
 * What the mergekit recipe at α is built from, out of the explorer's frontier data: the API route
 * and the explorer's "Make this model" panel both build it here, so they give the same YAML.
 */
export function recipeInput(
  data: FrontierData,
  alpha: number,
  difficulty: DifficultySlice,
): MergekitRecipeInput {
  return {
    experiment: { slug: data.experiment.slug, name: data.experiment.name },
    version: data.version,
    alpha,
    endpoints: data.experiment.endpoints,
    headline: headlineAt(data.slices[difficulty].points, alpha, difficulty),
  };
}
