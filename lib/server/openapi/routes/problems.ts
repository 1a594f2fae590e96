import {
  problemChangesPageSchema,
  problemCountsSchema,
  problemDetailSchema,
} from "../../../contracts/problemResponseSchemas";
import { problemChangesQuerySchema, problemIdSchema } from "../../../contracts/problemSchemas";
import { type RouteSpec, slugPath } from "../routeSpec";
import { storedRead, VERSIONED_NOT_FOUND } from "./experiments";

export const problemCountsRoute: RouteSpec = {
  path: "/api/experiments/{slug}/problem-counts",
  operations: {
    get: storedRead(
      "getProblemCounts",
      "Every problem's sample and pass counts at every α",
      "Entry i of each problem's `n` and `pass` is at `alphas[i]` (n = 0 where that checkpoint did not evaluate it); ordered by id.",
      problemCountsSchema,
      { versioned: true, notFound: VERSIONED_NOT_FOUND },
    ),
  },
};

export const problemChangesRoute: RouteSpec = {
  path: "/api/experiments/{slug}/problems",
  operations: {
    get: storedRead(
      "listProblemChanges",
      "The problems gained and lost between two evaluated α",
      "The problems evaluated at both `from` and `to`, sorted by the change in pass rate (`sort=delta`) or by the change shrunk toward 0 by beta-binomial empirical Bayes (`sort=shrunk`), ties by id, one page of them. Each carries Fisher's exact two-sided p-value and a Benjamini–Hochberg q-value over every listed problem of the slice; `summary` counts the problems gained and lost, in all and at q < 0.1; `power` gives the comparison's minimum detectable effect at 80 % power (level 0.05) with the data at hand and the samples per problem per α that would detect `detect` points.",
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
