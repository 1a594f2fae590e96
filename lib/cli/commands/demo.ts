import { loadDemoSweep } from "../../server/demo";
import { type CliIO, withDatabase } from "../context";

/** `alphascope demo`: stores the synthetic demo sweep once; running it again changes nothing. */
export async function demoCommand(io: CliIO): Promise<number> {
  const outcome = await withDatabase((db) => loadDemoSweep(db, "cli"));
  if (!outcome.loaded) {
    io.out(`Nothing to do: ${outcome.reason}.`);
    return 0;
  }
  const { slug, checkpoints, problems, samples } = outcome.result;
  io.out(
    `Loaded the synthetic demo sweep "${slug}": ${checkpoints} checkpoints × ${problems} problems, ` +
      `${samples.toLocaleString("en-US")} samples.`,
  );
  return 0;
}
