"use client";

import { RouteError } from "@/components/common/RouteError";

export default function ScalingError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The scaling view could not be shown" error={error} retry={retry} />;
}
