import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { slugSchema } from "@/lib/contracts/schemas";
import { getExperimentHeader } from "@/lib/db/queries/sweep";
import { serverDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";

/**
 * Answers 404 for an unknown experiment, on the explorer and the scaling page alike. The check sits
 * in the layout because the pages below stream behind their loading.tsx, and once streaming starts
 * the status is already 200; the layout renders before the first byte (app/experiments/not-found.tsx
 * is the page shown).
 */
export default async function ExperimentLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  try {
    if (!(await getExperimentHeader(serverDb(), slug))) notFound();
  } catch (error) {
    // The proxy answers 503 while the database is down; this covers it going down in between.
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  return children;
}
