"use client";

import { RouteError } from "@/components/common/RouteError";

export default function ProblemsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <RouteError title="The problems view could not be shown" error={error} retry={retry} />;
}
