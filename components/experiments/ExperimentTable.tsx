"use client";

import Link from "next/link";
import { useState } from "react";
import { LongText } from "@/components/common/LongText";
import { type ExperimentListItem, SETTING_LABELS } from "@/lib/contracts/types";
import { formatAlphaRange, formatCount, formatTimestamp } from "@/lib/views/format";
import { CompareBar } from "./CompareBar";
import { SyntheticBadge } from "./SyntheticBadge";

/**
 * Every experiment with the facts a researcher scans for: benchmark, setting, α range and size;
 * a checkbox per row picks experiments to compare.
 */
export function ExperimentTable({ experiments }: { experiments: ExperimentListItem[] }) {
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = (slug: string, on: boolean) =>
    setSelected((current) => (on ? [...current, slug] : current.filter((other) => other !== slug)));
  return (
    <>
      <CompareBar selected={selected} onClear={() => setSelected([])} />
      <div className="table-scroll">
        <table className="data-table data-table--list" data-testid="experiment-table">
          <caption className="visually-hidden">Experiments</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Compare</span>
              </th>
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
                <td>
                  <input
                    type="checkbox"
                    checked={selected.includes(experiment.slug)}
                    onChange={(event) => toggle(experiment.slug, event.target.checked)}
                    aria-label={`Compare ${experiment.name}`}
                    data-testid="compare-select"
                    value={experiment.slug}
                  />
                </td>
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
    </>
  );
}
