/** Ensembles under a fixed sample budget: evaluation, budget splits and search, in one import. */
export { splitBudgetByWeights, splitBudgetEqual } from "./budget";
export {
  type BestSingle,
  bestSingle,
  type EnsembleMember,
  ensemblePassAtK,
  ensembleProblemPassProbabilities,
  noPassColumn,
  smallestSampleCount,
} from "./ensemblePassAtK";
export {
  type EnsembleSearchOptions,
  type EnsembleSearchResult,
  type RankedEnsemble,
  searchEnsembles,
  searchFamilySize,
} from "./ensembleSearch";
