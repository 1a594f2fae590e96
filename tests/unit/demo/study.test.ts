import { describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT, DEMO_STUDY } from "@/lib/demo/experiment";
import { generateDemoSweep } from "@/lib/demo/generate";
import { demoStudySweeps } from "@/lib/demo/study";
import { SETTINGS } from "@/lib/domain/setting";

describe("the demo study", () => {
  const cells = demoStudySweeps();

  it("fills the three settings × two scales with the main demo as the pure-reasoning 32B cell", () => {
    const experiments = [DEMO_EXPERIMENT, ...cells.map((cell) => cell.sweep.experiment)];
    expect(experiments.map((e) => `${e.setting} ${e.modelScale}`).sort()).toEqual(
      SETTINGS.flatMap((setting) => [`${setting} 32B`, `${setting} 7B`]).sort(),
    );
    for (const experiment of experiments) {
      expect(experiment.study).toEqual(DEMO_STUDY);
      expect(experiment.synthetic).toBe(true);
    }
    expect(new Set(experiments.map((e) => e.slug)).size).toBe(6);
  });

  it("labels every cell synthetic and names its scale in its model references", () => {
    for (const { sweep } of cells) {
      expect(sweep.experiment.name).toMatch(/\(synthetic demo\)$/);
      const scale = (sweep.experiment.modelScale ?? "").toLowerCase();
      for (const checkpoint of sweep.checkpoints) expect(checkpoint.model).toContain(`-${scale}-`);
    }
  });

  it("shares the main demo's problems (so their difficulties agree) and draws samples of its own", () => {
    const main = generateDemoSweep({ alphas: [0] });
    for (const { sweep, options } of cells) {
      expect(sweep.problems).toEqual(main.problems);
      expect(options.samplingSeed).not.toBe(options.seed);
    }
    const [first, second] = cells.map((cell) => cell.sweep.checkpoints[0].results[0].verdicts);
    expect(first).not.toEqual(second);
  });

  it("takes the main demo's α and problem counts when given them (bench:ui's large study)", () => {
    const alphas = [-0.5, 0, 0.5, 1];
    const problems = { easy: 3, medium: 2, hard: 1 };
    const main = generateDemoSweep({ alphas, problems });
    for (const { sweep, options } of demoStudySweeps({ alphas, problems })) {
      expect(sweep.checkpoints.map((checkpoint) => checkpoint.alpha)).toEqual(alphas);
      expect(sweep.problems).toEqual(main.problems);
      expect(options.samples).toBe(64);
    }
  });
});
