"use client";

import { RouteError } from "@/components/common/RouteError";

export default function ExperimentError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="This experiment could not be shown" error={error} retry={retry} />;
}
