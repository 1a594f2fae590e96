import { isTrashed } from "../../db/queries/experiments";
import { getExperimentHeader } from "../../db/queries/sweep";
import { DEMO_EXPERIMENT_SLUG, DEMO_STUDY } from "../../demo/experiment";
import { loadDemoStudy, loadDemoSweep } from "../../import/loadDemo";
import { parseCommandArgs } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";

/**
 * `alphascope demo`: stores the synthetic demo sweep and the demo study's other experiments once;
 * running it again changes nothing.
 */
export async function demoCommand(io: CliIO, args: string[]): Promise<number> {
  parseCommandArgs(args, {});
  return withDatabase(async (db) => {
    if (await getExperimentHeader(db, DEMO_EXPERIMENT_SLUG)) {
      io.out(`Nothing to do: the demo experiment "${DEMO_EXPERIMENT_SLUG}" is already stored.`);
      return 0;
    }
    if (await isTrashed(db, DEMO_EXPERIMENT_SLUG)) {
      throw new UsageError(
        `The demo experiment "${DEMO_EXPERIMENT_SLUG}" is in the trash: bring it back with \`alphascope restore ${DEMO_EXPERIMENT_SLUG}\`.`,
        1,
      );
    }
    const { slug, checkpoints, trained, problems, samples } = await loadDemoSweep(db);
    io.out(
      `Loaded the synthetic demo sweep "${slug}": ${checkpoints} checkpoints and ${trained} trained ones × ` +
        `${problems} problems, ${samples.toLocaleString("en-US")} samples.`,
    );
    const cells = await loadDemoStudy(db);
    io.out(`Loaded the synthetic demo study "${DEMO_STUDY.slug}": ${cells.length + 1} experiments.`);
    return 0;
  });
}
