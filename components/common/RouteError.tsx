"use client";

import { StatusPanel } from "./StatusPanel";

interface RouteErrorProps {
  title: string;
  error: unknown;
  retry: () => void;
}

/** The body of every error.tsx: what failed, the server's error id when there is one, and a retry. */
export function RouteError({ title, error, retry }: RouteErrorProps) {
  const digest = error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
  return (
    <StatusPanel
      tone="error"
      title={title}
      action={
        <button type="button" className="button button--primary" onClick={() => retry()}>
          Try again
        </button>
      }
    >
      <p>Something went wrong while preparing this page. The server log has the details.</p>
      {digest ? (
        <p className="muted">
          Error id: <code>{digest}</code>
        </p>
      ) : null}
    </StatusPanel>
  );
}
