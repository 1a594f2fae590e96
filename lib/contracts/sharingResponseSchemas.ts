import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { pinnedClaimsSchema } from "./claimSchemas";
import { comparisonDataSchema } from "./compareResponseSchemas";
import { experimentDetailSchema, frontierDataSchema, versionSchema } from "./experimentSchemas";
import { passAtKCurvesSchema, scalingMatrixSchema } from "./scalingResponseSchemas";
import { SHARED_PAGES } from "./sharing";
import { studyDetailSchema } from "./studies";

// Wire shapes of snapshots and saved views; their types are declared in lib/contracts/sharing.ts and proved
// equal to these schemas by tests/unit/contracts/wireSchemas.test.ts.

export const snapshotCreatedSchema = z
  .object({
    id: z.string().describe("The short link's id: 8 URL-safe characters."),
    url: z.string().describe("The short link's path, /s/<id>."),
    version: versionSchema,
  })
  .meta({ id: "SnapshotCreated" });

const snapshotMetaShape = {
  id: z.string(),
  view: z.string().describe("The pinned page's query string."),
  createdAt: z.string(),
  title: z.string().nullable(),
  public: z.boolean().describe("Opens for anyone; else only for those who may read the experiment."),
};

const snapshotBaseShape = {
  ...snapshotMetaShape,
  experiment: z.string().describe("The experiment's slug."),
  version: z.string().describe("The experiment's data version the snapshot pins."),
  currentVersion: z
    .string()
    .nullable()
    .describe("The experiment's version now: null when it has been deleted since."),
};

const slicePassAtKSchema = z.object({ plain: passAtKCurvesSchema, bands: passAtKCurvesSchema });

export const snapshotSchema = z
  .discriminatedUnion("page", [
    z.object({
      ...snapshotBaseShape,
      page: z.literal("explorer"),
      data: z.object({
        detail: experimentDetailSchema,
        frontier: frontierDataSchema,
        claims: pinnedClaimsSchema
          .optional()
          .describe("The claims as pinned; absent from snapshots taken before snapshots pinned them."),
      }),
    }),
    z.object({
      ...snapshotBaseShape,
      page: z.literal("scaling"),
      data: z.object({
        matrix: scalingMatrixSchema,
        passAtK: z
          .object(
            Object.fromEntries(
              DIFFICULTY_SLICES.map((slice) => [slice, slicePassAtKSchema.optional()]),
            ) as Record<(typeof DIFFICULTY_SLICES)[number], z.ZodOptional<typeof slicePassAtKSchema>>,
          )
          .describe("The stored pass@k curves of every slice with problems, without and with bands."),
      }),
    }),
    z.object({
      ...snapshotMetaShape,
      page: z.literal("study"),
      study: z.string().describe("The study's slug."),
      version: z
        .string()
        .describe("The grid's version: a digest of every experiment's slug and data version."),
      currentVersion: z
        .string()
        .nullable()
        .describe("The grid's version now: null when the study has no experiment any more."),
      data: z.object({
        study: studyDetailSchema,
        frontiers: comparisonDataSchema,
        claims: z
          .record(z.string(), pinnedClaimsSchema)
          .describe("Each experiment's claims as pinned, by slug."),
      }),
    }),
  ])
  .meta({ id: "Snapshot" });

export const savedViewSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    page: z.enum(SHARED_PAGES),
    view: z.string().describe("The page's query string."),
    position: z.number().int().describe("Place in the review deck."),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "SavedView" });

export const savedViewListSchema = z
  .object({ experiment: z.string(), views: z.array(savedViewSchema).describe("In deck order.") })
  .meta({ id: "SavedViewList" });
