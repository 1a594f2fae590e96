import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { comparisonDataSchema } from "../../../lib/contracts/compareResponseSchemas";
import type { ComparisonData } from "../../../lib/contracts/compareTypes";
import type {
  checkpointSummarySchema,
  experimentChangedSchema,
  experimentDetailSchema,
  experimentListItemSchema,
  frontierDataSchema,
  trainedSummarySchema,
} from "../../../lib/contracts/experimentSchemas";
import type { importReportSchema } from "../../../lib/contracts/importReportSchema";
import type {
  problemChangesPageSchema,
  problemCountsSchema,
  problemDetailSchema,
} from "../../../lib/contracts/problemResponseSchemas";
import type { ProblemChangesPage, ProblemCounts, ProblemDetail } from "../../../lib/contracts/problemTypes";
import type {
  ensembleEvaluationSchema,
  ensembleSearchSummarySchema,
  passAtKCurvesSchema,
  scalingMatrixSchema,
} from "../../../lib/contracts/scalingResponseSchemas";
import type { ensembleSearchRequestSchema } from "../../../lib/contracts/scalingSchemas";
import type {
  EnsembleEvaluation,
  EnsembleSearchSummary,
  PassAtKCurves,
  ScalingMatrixPayload,
} from "../../../lib/contracts/scalingTypes";
import type { SavedView, SavedViewList, Snapshot, SnapshotCreated } from "../../../lib/contracts/sharing";
import type {
  savedViewListSchema,
  savedViewSchema,
  snapshotCreatedSchema,
  snapshotSchema,
} from "../../../lib/contracts/sharingResponseSchemas";
import type {
  ExperimentDetail,
  ExperimentHeader,
  ExperimentListItem,
  FrontierData,
  Versioned,
} from "../../../lib/contracts/types";
import type { ImportReport } from "../../../lib/import/report";
import type { EnsembleSearchSettings } from "../../../lib/science/ensembleSearchSummary";
import type { CheckpointSummary, TrainedSummary } from "../../../lib/science/metrics";

/** An intersection as one object type (distributing over a union), as a schema's output spells it. */
type Flat<T> = { [K in keyof T]: T[K] };

// The response schemas that describe the API (and that the contract test validates real answers
// against) must say exactly what the types the code builds say: typecheck fails otherwise.
describe("the API's response schemas", () => {
  it("have the very types of the payloads the server builds", () => {
    expectTypeOf<z.output<typeof checkpointSummarySchema>>().toEqualTypeOf<CheckpointSummary>();
    expectTypeOf<z.output<typeof trainedSummarySchema>>().toEqualTypeOf<TrainedSummary>();
    expectTypeOf<z.output<typeof experimentListItemSchema>>().toEqualTypeOf<ExperimentListItem>();
    expectTypeOf<z.output<typeof experimentDetailSchema>>().toEqualTypeOf<ExperimentDetail>();
    expectTypeOf<z.output<typeof frontierDataSchema>>().toEqualTypeOf<FrontierData>();
    expectTypeOf<z.output<typeof ensembleEvaluationSchema>>().toEqualTypeOf<EnsembleEvaluation>();
    expectTypeOf<z.output<typeof ensembleSearchSummarySchema>>().toEqualTypeOf<EnsembleSearchSummary>();
    expectTypeOf<z.output<typeof passAtKCurvesSchema>>().toEqualTypeOf<PassAtKCurves>();
    expectTypeOf<z.output<typeof scalingMatrixSchema>>().toEqualTypeOf<ScalingMatrixPayload>();
    expectTypeOf<z.output<typeof experimentChangedSchema>>().toEqualTypeOf<
      Flat<ExperimentHeader & Versioned>
    >();
    expectTypeOf<z.output<typeof comparisonDataSchema>>().toEqualTypeOf<ComparisonData>();
    expectTypeOf<z.output<typeof problemCountsSchema>>().toEqualTypeOf<ProblemCounts>();
    expectTypeOf<z.output<typeof problemChangesPageSchema>>().toEqualTypeOf<ProblemChangesPage>();
    expectTypeOf<z.output<typeof problemDetailSchema>>().toEqualTypeOf<ProblemDetail>();
    expectTypeOf<z.output<typeof snapshotCreatedSchema>>().toEqualTypeOf<SnapshotCreated>();
    expectTypeOf<z.output<typeof snapshotSchema>>().toEqualTypeOf<Flat<Snapshot>>();
    expectTypeOf<z.output<typeof savedViewSchema>>().toEqualTypeOf<SavedView>();
    expectTypeOf<z.output<typeof savedViewListSchema>>().toEqualTypeOf<SavedViewList>();
    // The search's body parses to the settings the page's worker and the CLI run the search with.
    expectTypeOf<z.output<typeof ensembleSearchRequestSchema>>().toEqualTypeOf<EnsembleSearchSettings>();
    // The report's file format is the importer's own union; on the wire it is a string.
    expectTypeOf<ImportReport>().toExtend<z.output<typeof importReportSchema>>();
  });
});
