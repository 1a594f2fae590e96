import { formatAlpha } from "../../domain/alpha";
import { getExperimentList } from "../../server/experiments";
import { parseCommandArgs } from "../args";
import { type CliIO, withDatabase } from "../context";
import { renderTable } from "../table";

/** `alphascope experiments [--json]` */
export async function experimentsCommand(io: CliIO, args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { json: { type: "boolean", default: false } });
  const experiments = await withDatabase(getExperimentList);
  if (values.json) {
    io.out(JSON.stringify(experiments, null, 2));
    return 0;
  }
  if (experiments.length === 0) {
    io.out(
      "No experiments yet. Load the demo with `alphascope demo` or import results with `alphascope import`.",
    );
    return 0;
  }
  const range = (min: number | null, max: number | null) =>
    min === null || max === null ? "—" : `${formatAlpha(min)} … ${formatAlpha(max)}`;
  io.out(
    renderTable(
      ["slug", "name", "benchmark", "setting", "α range", "checkpoints", "problems"],
      experiments.map((e) => [
        e.slug,
        e.synthetic ? `${e.name} [synthetic]` : e.name,
        e.benchmark,
        e.setting,
        range(e.alphaMin, e.alphaMax),
        e.checkpoints,
        e.problems,
      ]),
    ),
  );
  return 0;
}
