import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Seeded, withPageData } from "@/components/pages/PageData";
import { ProblemDetailView } from "@/components/problems/ProblemDetailView";
import { problemDetailQuery } from "@/components/queries/queries";
import { problemIdSchema } from "@/lib/contracts/problemSchemas";
import { serverReadDb } from "@/lib/server/db";
import { decodedPageParam } from "@/lib/server/pageParams";
import { readableBy } from "@/lib/server/pages";
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
  return withPageData(
    readableBy(slug, async () => (await problemDetail(serverReadDb(), slug, id)).detail),
    (detail) => (
      <>
        <div className="page-heading">
          <p className="muted wrap-anywhere">
            <Link href={problemsHref(slug)}>← Problems</Link>
          </p>
          <h1 className="wrap-anywhere" data-testid="problem-title">
            {detail.title ?? detail.id} <span className="muted">{detail.title ? detail.id : ""}</span>
          </h1>
        </div>
        <Seeded queries={[[problemDetailQuery(slug, id).queryKey, detail]]}>
          <ProblemDetailView slug={slug} id={id} />
        </Seeded>
      </>
    ),
  );
}
