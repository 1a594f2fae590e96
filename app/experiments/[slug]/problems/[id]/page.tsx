import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DatabaseUnavailable } from "@/components/common/DatabaseUnavailable";
import { ProblemDetailView } from "@/components/problems/ProblemDetailView";
import { problemDetailQuery } from "@/components/queries/queries";
import { makeQueryClient } from "@/components/queries/queryClient";
import { problemIdSchema } from "@/lib/contracts/problemSchemas";
import type { ProblemDetail } from "@/lib/contracts/problemTypes";
import { serverReadDb } from "@/lib/server/db";
import { DatabaseUnavailableError, NotFoundError } from "@/lib/server/errors";
import { toApiError } from "@/lib/server/http";
import { decodedPageParam } from "@/lib/server/pageParams";
import { problemDetail } from "@/lib/server/problemDetail";
import { problemsHref } from "@/lib/views/problemHref";

export const metadata: Metadata = { title: "Problem" };

/** Results change on import, so every request reads the current ones. */
export const dynamic = "force-dynamic";

interface PageProps {
  params: Promise<{ slug: string; id: string }>;
}

/** One problem across α, read on the server and handed to the browser through the query cache. */
export default async function ProblemPage({ params }: PageProps) {
  const { slug, id: rawId } = await params;
  const id = decodedPageParam(rawId);
  // An unknown problem shows the not-found page; its status is 200, as for anything that fails
  // behind a loading boundary once streaming has begun (the API answers 404).
  if (id === null || !problemIdSchema.safeParse(id).success) notFound();
  let detail: ProblemDetail | null;
  try {
    detail = (await problemDetail(serverReadDb(), slug, id)).detail;
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError instanceof DatabaseUnavailableError) return <DatabaseUnavailable />;
    if (apiError instanceof NotFoundError) notFound();
    throw error;
  }
  if (!detail) notFound();
  const queryClient = makeQueryClient();
  queryClient.setQueryData(problemDetailQuery(slug, id).queryKey, detail);
  return (
    <>
      <div className="page-heading">
        <p className="muted wrap-anywhere">
          <Link href={problemsHref(slug)}>← Problems</Link>
        </p>
        <h1 className="wrap-anywhere" data-testid="problem-title">
          {detail.title ?? detail.id} <span className="muted">{detail.title ? detail.id : ""}</span>
        </h1>
      </div>
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ProblemDetailView slug={slug} id={id} />
      </HydrationBoundary>
    </>
  );
}
