import type { EnsembleRequest } from "../../contracts/scalingTypes";
import type { DifficultySlice } from "../../domain/difficulty";
import type { BundleFile } from "../../responses/staticBundle";
import type { StatisticKind } from "../../responses/statisticKinds";
import type { LoadedSweep } from "../../responses/statisticPayloads";
import type { ClaimAxes } from "../../science/claims";
import type { EnsembleMemberInput, EnsembleSearchSettings } from "../../science/ensembleSearchSummary";

/** Work for a compute thread, on an experiment version's stored matrix or sweep columns (JSON text). */
export type ComputeTask =
  | { type: "ensemble"; matrix: string; request: EnsembleRequest }
  | { type: "ensemble-search"; matrix: string; settings: EnsembleSearchSettings }
  | {
      type: "ensemble-curve";
      matrix: string;
      difficulty: DifficultySlice;
      members: EnsembleMemberInput[];
      bands: boolean;
    }
  /** On the stored sweep columns (verdicts too: the stored matrix holds passes only), JSON text. */
  | { type: "claims-axes"; sweep: string; difficulty: DifficultySlice; axes: ClaimAxes }
  /** A static bundle's files zipped in one folder (GET /api/snapshots/<id>/bundle); `mtime` ISO 8601. */
  | { type: "zip-folder"; folder: string; files: BundleFile[]; mtime: string }
  /** One stored kind of an old version (see versionRead.ts), from its loaded results. */
  | { type: "version-statistic"; kind: StatisticKind; version: string; sweep: LoadedSweep };

/** A thread's answer: the value, or the API error (a 400 the request earned) to rethrow. */
export type ComputeOutcome =
  | { ok: true; value: unknown }
  | { ok: false; status: number; code: string; message: string };
