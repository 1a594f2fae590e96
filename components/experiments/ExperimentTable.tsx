import Link from "next/link";
import { LongText } from "@/components/common/LongText";
import { type ExperimentListItem, SETTING_LABELS } from "@/lib/api/types";
import { formatAlphaRange, formatCount, formatTimestamp } from "@/lib/client/format";
import { SyntheticBadge } from "./SyntheticBadge";

/** Every experiment with the facts a researcher scans for: benchmark, setting, α range and size. */
export function ExperimentTable({ experiments }: { experiments: ExperimentListItem[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--list" data-testid="experiment-table">
        <caption className="visually-hidden">Experiments</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Benchmark</th>
            <th scope="col">Setting</th>
            <th scope="col" className="num">
              α range
            </th>
            <th scope="col" className="num">
              Checkpoints
            </th>
            <th scope="col" className="num">
              Problems
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {experiments.map((experiment) => (
            <tr key={experiment.slug} data-testid="experiment-row">
              <th scope="row">
                <Link href={`/experiments/${encodeURIComponent(experiment.slug)}`} className="row-link">
                  <LongText text={experiment.name} />
                </Link>{" "}
                {experiment.synthetic ? <SyntheticBadge /> : null}
              </th>
              <td>
                <LongText text={experiment.benchmark} />
              </td>
              <td>{SETTING_LABELS[experiment.setting]}</td>
              <td className="num">{formatAlphaRange(experiment.alphaMin, experiment.alphaMax)}</td>
              <td className="num">{formatCount(experiment.checkpoints)}</td>
              <td className="num">{formatCount(experiment.problems)}</td>
              <td className="nowrap">{formatTimestamp(experiment.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
