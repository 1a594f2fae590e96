import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { SyntheticBadge } from "@/components/experiments/SyntheticBadge";
import { ScalingView } from "@/components/scaling/ScalingView";
import type { ScalingMatrixPayload } from "@/lib/api/scalingTypes";
import { slugSchema } from "@/lib/api/schemas";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";
import { type PageSearchParams, pageQueryString } from "@/lib/server/pageSearch";
import { getScalingMatrix } from "@/lib/server/scalingMatrix";

export const metadata: Metadata = { title: "Inference-time scaling" };

/** Results change on import, so every request reads the current matrix. */
export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string }>;
  searchParams: Promise<PageSearchParams>;
}

export default async function ScalingPage({ params, searchParams }: PageProps) {
  const { slug } = await params;
  if (!slugSchema.safeParse(slug).success) notFound();
  let payload: ScalingMatrixPayload | null;
  try {
    payload = await getScalingMatrix(serverReadDb(), slug);
  } catch (error) {
    if (toApiError(error) instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    throw error;
  }
  if (!payload) notFound();
  const search = pageQueryString(await searchParams);
  return (
    <>
      <div className="page-heading">
        <p className="muted">
          <Link href={`/experiments/${encodeURIComponent(slug)}`}>← {payload.experiment.name}</Link>
        </p>
        <h1>Inference-time scaling {payload.experiment.synthetic ? <SyntheticBadge /> : null}</h1>
        <p className="page-lede">
          pass@k as the sample budget grows, and ensembles of α checkpoints against the best single checkpoint
          at the same total budget K.
        </p>
      </div>
      {payload.checkpoints.length === 0 ? (
        <p className="muted">
          This experiment has no evaluated checkpoints yet. Import results to see its scaling.
        </p>
      ) : (
        <ScalingView payload={payload} initialSearch={search} />
      )}
    </>
  );
}
