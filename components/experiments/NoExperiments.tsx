import Link from "next/link";
import { StatusPanel } from "@/components/common/StatusPanel";

/** The empty database: points to the import page, the only way to get data in from the UI. */
export function NoExperiments() {
  return (
    <StatusPanel
      tone="empty"
      title="No experiments yet"
      action={
        <Link className="button button--primary" href="/import">
          Import evaluation results
        </Link>
      }
    >
      <p>
        Import LiveCodeBench, EvalPlus or human-eval result files for a sweep of α values, or load the
        synthetic demo with <code>npx alphascope demo</code>.
      </p>
    </StatusPanel>
  );
}
