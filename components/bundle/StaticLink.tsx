import type { ReactNode } from "react";

/**
 * next/link in a static bundle's viewer (scripts/build-viewer.ts puts it in next/link's place): the
 * copy has no other pages, so a link to one of the server's keeps its text and leads nowhere.
 */
export default function StaticLink({ children }: { href: string; children?: ReactNode }) {
  return <span>{children}</span>;
}
