import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { withPageData } from "@/components/pages/PageData";
import { slugSchema } from "@/lib/contracts/schemas";
import { pageExperimentHeader, readableBy } from "@/lib/server/pages";

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
  // The proxy answers 503 while the database is down; withPageData covers it going down in between.
  return withPageData(
    readableBy(slug, () => pageExperimentHeader(slug)),
    () => children,
  );
}
