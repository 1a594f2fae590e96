import Link from "next/link";
import { StatusPanel } from "@/components/common/StatusPanel";

export default function NotFound() {
  return (
    <StatusPanel
      tone="empty"
      title="Page not found"
      action={
        <Link className="button" href="/">
          Back to experiments
        </Link>
      }
    >
      <p>There is nothing at this address.</p>
    </StatusPanel>
  );
}
