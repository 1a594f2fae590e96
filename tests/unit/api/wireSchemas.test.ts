import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  checkpointSummarySchema,
  experimentDetailSchema,
  experimentListItemSchema,
  frontierDataSchema,
} from "../../../lib/api/experimentSchemas";
import type { importReportSchema } from "../../../lib/api/importReportSchema";
import type {
  ensembleEvaluationSchema,
  passAtKCurvesSchema,
  scalingMatrixSchema,
} from "../../../lib/api/scalingResponseSchemas";
import type { EnsembleEvaluation, PassAtKCurves, ScalingMatrixPayload } from "../../../lib/api/scalingTypes";
import type { ExperimentDetail, ExperimentListItem, FrontierData } from "../../../lib/api/types";
import type { ImportReport } from "../../../lib/importer/report";
import type { CheckpointSummary } from "../../../lib/science/metrics";

// The response schemas that describe the API (and that the contract test validates real answers
// against) must say exactly what the types the code builds say: typecheck fails otherwise.
describe("the API's response schemas", () => {
  it("have the very types of the payloads the server builds", () => {
    expectTypeOf<z.output<typeof checkpointSummarySchema>>().toEqualTypeOf<CheckpointSummary>();
    expectTypeOf<z.output<typeof experimentListItemSchema>>().toEqualTypeOf<ExperimentListItem>();
    expectTypeOf<z.output<typeof experimentDetailSchema>>().toEqualTypeOf<ExperimentDetail>();
    expectTypeOf<z.output<typeof frontierDataSchema>>().toEqualTypeOf<FrontierData>();
    expectTypeOf<z.output<typeof ensembleEvaluationSchema>>().toEqualTypeOf<EnsembleEvaluation>();
    expectTypeOf<z.output<typeof passAtKCurvesSchema>>().toEqualTypeOf<PassAtKCurves>();
    expectTypeOf<z.output<typeof scalingMatrixSchema>>().toEqualTypeOf<ScalingMatrixPayload>();
    // The report's file format is the importer's own union; on the wire it is a string.
    expectTypeOf<ImportReport>().toExtend<z.output<typeof importReportSchema>>();
  });
});
