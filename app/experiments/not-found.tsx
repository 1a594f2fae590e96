import Link from "next/link";
import { StatusPanel } from "@/components/common/StatusPanel";

export default function ExperimentNotFound() {
  return (
    <StatusPanel
      tone="empty"
      title="No such experiment"
      action={
        <Link className="button button--primary" href="/">
          All experiments
        </Link>
      }
    >
      <p>The link may be out of date, or the experiment was deleted.</p>
    </StatusPanel>
  );
}
