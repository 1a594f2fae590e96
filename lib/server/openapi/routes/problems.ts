import {
  problemChangesPageSchema,
  problemCountsSchema,
  problemDetailSchema,
} from "../../../contracts/problemResponseSchemas";
import { problemChangesQuerySchema, problemIdSchema } from "../../../contracts/problemSchemas";
import { type RouteSpec, slugPath } from "../routeSpec";
import { storedRead } from "./experiments";

export const problemCountsRoute: RouteSpec = {
  path: "/api/experiments/{slug}/problem-counts",
  operations: {
    get: storedRead(
      "getProblemCounts",
      "Every problem's sample and pass counts at every α",
      "Entry i of each problem's `n` and `pass` is at `alphas[i]` (n = 0 where that checkpoint did not evaluate it); ordered by id.",
      problemCountsSchema,
    ),
  },
};

export const problemChangesRoute: RouteSpec = {
  path: "/api/experiments/{slug}/problems",
  operations: {
    get: storedRead(
      "listProblemChanges",
      "The problems gained and lost between two evaluated α",
      "The problems evaluated at both `from` and `to`, sorted by the change in pass rate (ties by id), one page of them.",
      problemChangesPageSchema,
      { query: problemChangesQuerySchema },
    ),
  },
};

const problemPath = slugPath.extend({
  id: problemIdSchema.meta({ description: "The benchmark's own problem id (URL-encoded)." }),
});

export const problemDetailRoute: RouteSpec = {
  path: "/api/experiments/{slug}/problems/{id}",
  operations: {
    get: storedRead(
      "getProblem",
      "One problem's verdicts, pass@k and runtimes at every evaluated α",
      "Sorted by α; runtimes where the source recorded them.",
      problemDetailSchema,
      { path: problemPath, notFound: "No experiment has this slug, or it has no problem with this id." },
    ),
  },
};
