import type { Setting } from "../domain/setting";
import { SETTING_LABELS, SETTINGS } from "../domain/setting";
import type { SweepInput } from "../domain/sweepInput";
import { DEMO_EXPERIMENT, DEMO_STUDY } from "./experiment";
import { generateDemoSweep } from "./generate";
import { DEFAULT_DEMO_OPTIONS, type DemoOptions } from "./options";

const SCALES = ["7B", "32B"] as const;

/**
 * The demo study's other five cells (the main demo's problems, other samples and fewer of them, so
 * that they load in seconds) (the main demo experiment is pure reasoning at 32B): each a seeded
 * synthetic sweep of its own, named and labelled synthetic like the main demo, its model references
 * naming its scale. `base` changes the generator's options of every cell (e.g. `npm run bench:ui`'s
 * 41 α × 5 000 problems, which must then match the main demo's).
 */
export function demoStudySweeps(
  base: Partial<DemoOptions> = {},
): { sweep: SweepInput; options: DemoOptions }[] {
  const cells = SETTINGS.flatMap((setting) => SCALES.map((scale) => ({ setting, scale })));
  return cells
    .filter(
      (cell) => !(cell.setting === DEMO_EXPERIMENT.setting && cell.scale === DEMO_EXPERIMENT.modelScale),
    )
    .map((cell, index) => demoCell(cell.setting, cell.scale, index, base));
}

function demoCell(
  setting: Setting,
  scale: (typeof SCALES)[number],
  index: number,
  base: Partial<DemoOptions>,
): { sweep: SweepInput; options: DemoOptions } {
  const options: DemoOptions = {
    ...DEFAULT_DEMO_OPTIONS,
    samples: 64,
    ...base,
    samplingSeed: DEFAULT_DEMO_OPTIONS.seed + 1 + index,
  };
  const sweep = generateDemoSweep(options);
  const model = (reference: string | null) =>
    reference === null ? null : reference.replace("-32b-", `-${scale.toLowerCase()}-`);
  const { experiment } = sweep;
  const cell: SweepInput = {
    ...sweep,
    experiment: {
      ...experiment,
      slug: `demo-${setting}-${scale.toLowerCase()}`,
      name: `${SETTING_LABELS[setting]}, ${scale} (synthetic demo)`,
      setting,
      modelScale: scale,
      endpointA: { ...experiment.endpointA, model: model(experiment.endpointA.model) },
      endpointB: { ...experiment.endpointB, model: model(experiment.endpointB.model) },
      study: DEMO_STUDY,
    },
    checkpoints: sweep.checkpoints.map((checkpoint) => ({ ...checkpoint, model: model(checkpoint.model) })),
    trained: sweep.trained?.map((checkpoint) => ({ ...checkpoint, model: model(checkpoint.model) })),
  };
  return { sweep: cell, options };
}
