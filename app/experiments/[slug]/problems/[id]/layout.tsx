import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { problemIdSchema } from "@/lib/api/problemSchemas";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError, NotFoundError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";
import { problemDetail } from "@/lib/server/problemDetail";

/**
 * Answers 404 for a problem the experiment has no result for. The check sits in the layout because
 * the page streams behind the problems view's loading.tsx, and once streaming starts the status is
 * already 200 (as the experiment layout does for an unknown experiment).
 */
export default async function ProblemLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; id: string }>;
}) {
  const { slug, id } = await params;
  if (!problemIdSchema.safeParse(id).success) notFound();
  try {
    // With an ETag of "*" the read stops at the lookup: existence is all this needs.
    await problemDetail(serverReadDb(), slug, id, "*");
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    if (apiError instanceof NotFoundError) notFound();
    throw error;
  }
  return children;
}
