import { payloadToMatrix } from "@/lib/api/payloadMatrix";
import type { EnsembleSearchSummary, ScalingMatrixPayload } from "@/lib/api/scalingTypes";
import type { DifficultySlice } from "@/lib/domain/difficulty";
import { searchEnsembles } from "@/lib/science/ensembleSearch";
import { summarizeEnsembleSearch } from "@/lib/science/ensembleSearchSummary";
import { sliceProblemIndices } from "@/lib/science/slices";

/** What the page posts to the worker. */
export interface SearchRequest {
  id: number;
  payload: ScalingMatrixPayload;
  budget: number;
  maxMembers: number;
  difficulty: DifficultySlice;
  top: number;
}

/** What the worker posts back: progress now and then, then a result or an error. */
export type SearchMessage =
  | { id: number; type: "progress"; done: number; total: number }
  | { id: number; type: "result"; result: EnsembleSearchSummary }
  | { id: number; type: "error"; message: string };

// The search runs here, off the main thread, so the page keeps responding while it works.
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchMessage): void;
};

scope.onmessage = ({ data }) => {
  const { id, payload, budget, maxMembers, difficulty, top } = data;
  try {
    const matrix = payloadToMatrix(payload);
    const problems = sliceProblemIndices(matrix, difficulty);
    const result = searchEnsembles({
      matrix,
      budget,
      maxMembers,
      top,
      problems,
      onProgress: (done, total) => scope.postMessage({ id, type: "progress", done, total }),
    });
    scope.postMessage({
      id,
      type: "result",
      result: summarizeEnsembleSearch(matrix, result, problems, {
        experiment: payload.experiment.slug,
        difficulty,
        maxMembers,
      }),
    });
  } catch (error) {
    scope.postMessage({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
