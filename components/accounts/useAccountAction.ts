"use client";

import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";

/**
 * Runs one account change at a time (`busy` meanwhile), then refreshes the queries it touched
 * (`stale`); a refusal's message is kept in `error` for the form to show.
 */
export function useAccountAction(stale: readonly QueryKey[]) {
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(body: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await body();
      for (const queryKey of stale) await client.invalidateQueries({ queryKey });
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  }

  return { act, busy, error };
}
