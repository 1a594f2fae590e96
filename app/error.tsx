"use client";

import { RouteError } from "@/components/common/RouteError";

export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This page could not be shown" error={error} retry={retry} />;
}
