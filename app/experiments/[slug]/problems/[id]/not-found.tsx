import Link from "next/link";
import { StatusPanel } from "@/components/common/StatusPanel";

/** A problem this experiment never evaluated (or an unknown experiment): not the experiment's own 404. */
export default function ProblemNotFound() {
  return (
    <StatusPanel
      tone="empty"
      title="No such problem"
      action={
        <Link className="button button--primary" href="/">
          All experiments
        </Link>
      }
    >
      <p>There is nothing at this address: the experiment has no results for this problem id.</p>
    </StatusPanel>
  );
}
