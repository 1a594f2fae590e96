import { formatAlpha } from "../../domain/alpha";
import { getExperimentDetail } from "../../server/experiments";
import { parseCommandArgs, slugArgument } from "../args";
import { type CliIO, UsageError, withDatabase } from "../context";
import { percent, renderTable } from "../table";

/** `alphascope metrics <slug> [--json]`: the same document as GET /api/experiments/<slug>. */
export async function metricsCommand(io: CliIO, args: string[]): Promise<number> {
  const { positionals, values } = parseCommandArgs(
    args,
    { json: { type: "boolean", default: false } },
    { allowPositionals: true },
  );
  if (positionals.length !== 1) throw new UsageError("Usage: alphascope metrics <slug> [--json]");
  const slug = slugArgument(positionals[0]);
  const detail = await withDatabase((db) => getExperimentDetail(db, slug));
  if (!detail) throw new UsageError(`No experiment "${slug}". List them with \`alphascope experiments\`.`, 1);
  if (values.json) {
    io.out(JSON.stringify(detail, null, 2));
    return 0;
  }
  io.out(
    `${detail.name} (${detail.benchmark}, ${detail.setting})${detail.synthetic ? " — synthetic demo data" : ""}`,
  );
  io.out(`A = ${detail.endpoints.a.label}, B = ${detail.endpoints.b.label}\n`);
  const ks = Object.keys(detail.checkpoints[0]?.passAtK ?? {}).filter((k) => k !== "1");
  io.out(
    renderTable(
      [
        "α",
        "kind",
        "problems",
        "samples",
        "solve rate",
        "WA share",
        "TL share",
        ...ks.map((k) => `pass@${k}`),
      ],
      detail.checkpoints.map((c) => [
        formatAlpha(c.alpha),
        c.kind,
        c.problems,
        c.samples,
        percent(c.solveRate),
        percent(c.shares.wrongAnswer),
        percent(c.shares.timeLimit),
        ...ks.map((k) => percent(c.passAtK[k] ?? null)),
      ]),
    ),
  );
  return 0;
}
