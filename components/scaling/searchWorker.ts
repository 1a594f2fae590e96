import type { EnsembleSearchSummary, ScalingMatrixPayload } from "@/lib/contracts/scalingTypes";
import { payloadToMatrix } from "@/lib/responses/payloadMatrix";
import { type EnsembleSearchSettings, runEnsembleSearch } from "@/lib/science/ensembleSearchSummary";
import { sliceProblemIndices } from "@/lib/science/slices";

/**
 * What the page posts to the worker: the settings POST /api/experiments/<slug>/ensembles/search
 * takes, on the matrix the page already holds (the answer is that route's document).
 */
export interface SearchRequest extends EnsembleSearchSettings {
  id: number;
  payload: ScalingMatrixPayload;
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
  const { id, payload, ...settings } = data;
  try {
    const matrix = payloadToMatrix(payload);
    const problems = sliceProblemIndices(matrix, settings.difficulty);
    const result = runEnsembleSearch(matrix, problems, payload.experiment.slug, settings, (done, total) =>
      scope.postMessage({ id, type: "progress", done, total }),
    );
    scope.postMessage({ id, type: "result", result });
  } catch (error) {
    scope.postMessage({ id, type: "error", message: error instanceof Error ? error.message : String(error) });
  }
};
