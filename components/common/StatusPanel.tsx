import type { ReactNode } from "react";

interface StatusPanelProps {
  title: string;
  children?: ReactNode;
  /** "error" announces itself to screen readers; "empty" and "info" are quiet. */
  tone?: "info" | "empty" | "error";
  action?: ReactNode;
}

/** The one look for empty, error and informational states, so every screen says what happened and what to do. */
export function StatusPanel({ title, children, tone = "info", action }: StatusPanelProps) {
  return (
    <section className={`status-panel status-panel--${tone}`} role={tone === "error" ? "alert" : undefined}>
      <h2 className="status-panel-title">{title}</h2>
      {children ? <div className="status-panel-body">{children}</div> : null}
      {action ? <div className="status-panel-action">{action}</div> : null}
    </section>
  );
}
