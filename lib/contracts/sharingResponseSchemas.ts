import { z } from "zod";
import { DIFFICULTY_SLICES } from "../domain/difficulty";
import { experimentDetailSchema, frontierDataSchema, versionSchema } from "./experimentSchemas";
import { passAtKCurvesSchema, scalingMatrixSchema } from "./scalingResponseSchemas";
import { SHARED_PAGES } from "./sharing";

// Wire shapes of snapshots and saved views; their types are declared in lib/contracts/sharing.ts and proved
// equal to these schemas by tests/unit/contracts/wireSchemas.test.ts.

export const snapshotCreatedSchema = z
  .object({
    id: z.string().describe("The short link's id: 8 URL-safe characters."),
    url: z.string().describe("The short link's path, /s/<id>."),
    version: versionSchema,
  })
  .meta({ id: "SnapshotCreated" });

const snapshotBaseShape = {
  id: z.string(),
  experiment: z.string().describe("The experiment's slug."),
  view: z.string().describe("The pinned page's query string."),
  version: z.string().describe("The experiment's data version the snapshot pins."),
  createdAt: z.string(),
  title: z.string().nullable(),
  public: z.boolean().describe("Opens for anyone; else only for those who may read the experiment."),
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
      data: z.object({ detail: experimentDetailSchema, frontier: frontierDataSchema }),
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
