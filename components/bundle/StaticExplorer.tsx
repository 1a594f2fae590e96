"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { Suspense, useState } from "react";
import { Explorer } from "@/components/explorer/Explorer";
import { PinnedSource } from "@/components/queries/apiSource";
import { type ApiSource, frontierQuery } from "@/components/queries/queries";
import type { StaticBundleData } from "@/lib/contracts/staticBundle";

/** The query-key prefix of a bundle's data (its reads never reach a server: see the client below). */
function bundleSource(bundle: StaticBundleData): ApiSource {
  return { base: "", key: ["bundle", bundle.snapshotId ?? bundle.version] };
}

/**
 * A query cache holding the pinned frontier that never asks for anything: the data is complete
 * (a pinned version has its intervals), and nothing refetches on mount, focus or reconnect.
 */
function bundleQueryClient(bundle: StaticBundleData, source: ApiSource): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnMount: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        retry: false,
      },
    },
  });
  client.setQueryData(frontierQuery(source).queryKey, bundle.data.frontier);
  return client;
}

/** When the data was pinned, as a reader anywhere reads it (UTC, to the minute). */
function pinnedAt(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** The view the copy opens with: the pinned view, its parameters overridden by the address's. */
function openingSearch(bundle: StaticBundleData, search: string): string {
  const view = new URLSearchParams(bundle.view);
  for (const [key, value] of new URLSearchParams(search)) view.set(key, value);
  return view.toString();
}

/**
 * A static copy's page: the explorer drawn by the live page's components from the bundled data
 * (as a snapshot page draws its pinned data), footnoted with where the data comes from.
 */
export function StaticExplorer({ bundle, search }: { bundle: StaticBundleData; search: string }) {
  const [source] = useState(() => bundleSource(bundle));
  const [client] = useState(() => bundleQueryClient(bundle, source));
  const [initialSearch] = useState(() => openingSearch(bundle, search));
  return (
    <QueryClientProvider client={client}>
      <p className="snapshot-banner" data-testid="bundle-banner">
        <strong>Static copy</strong>
        {bundle.title ? <> “{bundle.title}”</> : null} of {bundle.data.detail.name}: every number is drawn
        from the data bundled with this page; nothing is fetched.
      </p>
      {/* Claims are judged at read time (margin, axes) by the server's code, which a copy on disk lacks. */}
      <PinnedSource source={source} claims={false}>
        <Suspense>
          <Explorer slug={bundle.experiment} initialSearch={initialSearch} />
        </Suspense>
      </PinnedSource>
      <footer className="chart-note" data-testid="bundle-footnote">
        Experiment <code>{bundle.experiment}</code>, data version{" "}
        <code data-testid="bundle-version">{bundle.version}</code>
        {bundle.snapshotId === null ? (
          <>, pinned {pinnedAt(bundle.pinnedAt)}</>
        ) : (
          <>
            , snapshot <code data-testid="bundle-snapshot">{bundle.snapshotId}</code> taken{" "}
            {pinnedAt(bundle.pinnedAt)}
          </>
        )}
        . Made by alphascope.
      </footer>
    </QueryClientProvider>
  );
}
