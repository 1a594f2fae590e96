"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useState } from "react";
import { experimentPageQuery } from "@/components/queries/queries";
import { type PackedExperimentPage, unpackExperimentPage } from "@/lib/contracts/packedExperimentPage";

/**
 * Puts the page of the list the server read into the query cache before the browser below renders,
 * as `Seeded` does, but from the packed page (a third of the bytes of the dehydrated one, which
 * the first HTML carries beside the rows' markup). A page already cached (a client-side navigation
 * back here) takes the server's newer read after rendering, so no other component updates mid-render.
 */
export function SeededExperimentPage({
  search,
  packed,
  children,
}: {
  search: string;
  packed: PackedExperimentPage;
  children: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [cachedBefore] = useState(() => {
    const { queryKey } = experimentPageQuery(search);
    const cached = queryClient.getQueryData(queryKey) !== undefined;
    if (!cached) queryClient.setQueryData(queryKey, unpackExperimentPage(packed));
    return cached;
  });
  useEffect(() => {
    if (cachedBefore)
      queryClient.setQueryData(experimentPageQuery(search).queryKey, unpackExperimentPage(packed));
  }, [cachedBefore, queryClient, search, packed]);
  return children;
}
