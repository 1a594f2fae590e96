import { z } from "zod";
import type { DifficultySlice } from "../domain/difficulty";
import { characterFault } from "../domain/text";
import type { PinnedClaims } from "./claimSchemas";
import type { ComparisonData } from "./compareTypes";
import type { PassAtKCurves, ScalingMatrixPayload } from "./scalingTypes";
import { slugSchema } from "./schemas";
import {
  SAVED_VIEWS_MAX,
  SNAPSHOT_TITLE_MAX_LENGTH,
  VIEW_MAX_LENGTH,
  VIEW_NAME_MAX_LENGTH,
} from "./sharingLimits";
import type { StudyDetail } from "./studies";
import type { ExperimentDetail, FrontierData } from "./types";

/** The pages of one experiment a snapshot or a saved view can show. */
export const SHARED_PAGES = ["explorer", "scaling"] as const;
export type SharedPage = (typeof SHARED_PAGES)[number];

/** The pages a snapshot can pin: an experiment's, or a study's whole grid. */
export const SNAPSHOT_PAGES = [...SHARED_PAGES, "study"] as const;
export type SnapshotPage = (typeof SNAPSHOT_PAGES)[number];

export {
  SAVED_VIEWS_MAX,
  SNAPSHOT_TITLE_MAX_LENGTH,
  VIEW_MAX_LENGTH,
  VIEW_NAME_MAX_LENGTH,
} from "./sharingLimits";

const pageSchema = z.enum(SHARED_PAGES, { error: 'must be "explorer" or "scaling"' });

/**
 * A page's query string, with or without its leading "?": only the characters RFC 3986 allows in a
 * query (anything else percent-encoded, as the pages write their links).
 */
const viewSchema = z
  .string({ error: "must be a query string" })
  .max(VIEW_MAX_LENGTH, `must be at most ${VIEW_MAX_LENGTH} characters`)
  .regex(
    /^\??[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/,
    "must be a URL query string such as alpha=0.5&difficulty=hard (other characters percent-encoded)",
  )
  .transform((view) => view.replace(/^\?/, ""));

/**
 * Text a person names something with: no control characters, unpaired UTF-16 surrogates or
 * noncharacters (the stored-text rule of lib/domain/text.ts).
 */
function nameText(max: number) {
  return z
    .string({ error: "must be a text" })
    .trim()
    .min(1, "must not be empty")
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, ctx) => {
      const fault = characterFault(text);
      if (fault) ctx.addIssue({ code: "custom", message: fault });
    });
}

const nameSchema = nameText(VIEW_NAME_MAX_LENGTH);

const snapshotTitleSchema = nameText(SNAPSHOT_TITLE_MAX_LENGTH).optional();
/** Open the link for anyone (also anonymously on a team server), whoever may read what it pins. */
const snapshotPublicSchema = z.boolean().optional();

/** Body of POST /api/snapshots: a view of one experiment's page, or of a study's grid. */
export const snapshotCreateSchema = z.discriminatedUnion(
  "page",
  [
    z.object({
      experiment: slugSchema,
      page: pageSchema,
      view: viewSchema,
      title: snapshotTitleSchema,
      public: snapshotPublicSchema,
    }),
    z.object({
      study: slugSchema,
      page: z.literal("study"),
      view: viewSchema,
      title: snapshotTitleSchema,
      public: snapshotPublicSchema,
    }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union" ? 'must be "explorer", "scaling" or "study"' : undefined,
  },
);
export type SnapshotCreateRequest = z.infer<typeof snapshotCreateSchema>;

/** Snapshot ids: 8 URL-safe base64 characters (48 random bits). */
export const SNAPSHOT_ID_PATTERN = /^[A-Za-z0-9_-]{8}$/;
export const snapshotIdSchema = z.string().regex(SNAPSHOT_ID_PATTERN, "must be 8 URL-safe characters");

/** Answer of POST /api/snapshots. */
export interface SnapshotCreated {
  id: string;
  url: string;
  version: string;
}

/**
 * What an explorer snapshot pins: the detail and frontier bodies exactly as served at its version,
 * and its claims (absent from snapshots taken before claims were pinned: they show no claim cards).
 */
export interface ExplorerSnapshotData {
  detail: ExperimentDetail;
  frontier: FrontierData;
  claims?: PinnedClaims;
}

/**
 * What a scaling snapshot pins: the matrix (ensembles and the search are computed from it) and the
 * stored pass@k curves of every slice with problems, without and with bands.
 */
export interface ScalingSnapshotData {
  matrix: ScalingMatrixPayload;
  passAtK: Partial<Record<DifficultySlice, { plain: PassAtKCurves; bands: PassAtKCurves }>>;
}

/**
 * What a study snapshot pins: the study's grid and every experiment's frontier (the bodies GET
 * /api/studies/<slug> and …/frontiers answered) and each experiment's claims, by slug.
 */
export interface StudySnapshotData {
  study: StudyDetail;
  frontiers: ComparisonData;
  claims: Record<string, PinnedClaims>;
}

interface SnapshotMeta {
  id: string;
  view: string;
  createdAt: string;
  title: string | null;
  /** Opens for anyone; else only for those who may read the experiment. */
  public: boolean;
}

interface ExperimentSnapshotBase extends SnapshotMeta {
  /** The experiment's slug. */
  experiment: string;
  /** The experiment's data version the snapshot pins. */
  version: string;
  /** The experiment's version now: null when it has been deleted since. */
  currentVersion: string | null;
}

/** GET /api/snapshots/[id] */
export type Snapshot =
  | (ExperimentSnapshotBase & { page: "explorer"; data: ExplorerSnapshotData })
  | (ExperimentSnapshotBase & { page: "scaling"; data: ScalingSnapshotData })
  | (SnapshotMeta & {
      page: "study";
      /** The study's slug. */
      study: string;
      /** The grid's version: a digest of every experiment's slug and data version. */
      version: string;
      /** The grid's version now: null when the study has no experiment any more. */
      currentVersion: string | null;
      data: StudySnapshotData;
    });

/** Body of POST /api/experiments/[slug]/views. */
export const savedViewCreateSchema = z.object({ name: nameSchema, page: pageSchema, view: viewSchema });

/** Body of PATCH /api/experiments/[slug]/views/[id]. */
export const savedViewRenameSchema = z.object({ name: nameSchema });

/** Body of PUT /api/experiments/[slug]/views/order: every saved view's id, in the new order. */
export const savedViewOrderSchema = z.object({
  ids: z
    .array(z.number({ error: "must be a view id" }).int("must be a view id").positive("must be a view id"), {
      error: "must be a list of view ids",
    })
    .max(SAVED_VIEWS_MAX, `must list at most ${SAVED_VIEWS_MAX} views`)
    .refine((ids) => new Set(ids).size === ids.length, "must list each view once"),
});

/** The `[id]` segment of a saved view's route. */
export const savedViewIdSchema = z.coerce
  .number({ error: "must be a view id" })
  .int("must be a view id")
  .positive("must be a view id")
  .max(2 ** 31 - 1, "must be a view id");

/** One saved view; in `position` order the experiment's saved views are its review deck. */
export interface SavedView {
  id: number;
  name: string;
  page: SharedPage;
  view: string;
  position: number;
  createdAt: string;
  updatedAt: string;
}

/** GET /api/experiments/[slug]/views (and the answer of a reorder). */
export interface SavedViewList {
  experiment: string;
  views: SavedView[];
}
