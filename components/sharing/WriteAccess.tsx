"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { forgetWriteToken, unlockWrites, writeSessionQuery } from "@/components/queries/writeSession";

/**
 * On a server that takes writes with a shared write token: a field to unlock writes in this
 * browser (the token is exchanged at once for an HttpOnly cookie and the field emptied), or, once
 * unlocked, a button to forget it. Nothing on other servers.
 */
export function WriteAccess() {
  const queryClient = useQueryClient();
  const { data } = useQuery(writeSessionQuery);
  const [token, setToken] = useState("");
  const change = useMutation({
    mutationFn: (write: () => Promise<unknown>) => write(),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: writeSessionQuery.queryKey }),
  });
  if (!data?.required) return null;
  if (data.held) {
    return (
      <p className="saved-views-token" data-testid="write-access">
        <span className="muted">Writes are unlocked in this browser (Share and saved views use it). </span>
        <button
          type="button"
          className="button button--small"
          disabled={change.isPending}
          onClick={() => change.mutate(forgetWriteToken)}
          data-testid="write-token-forget"
        >
          Forget the write token
        </button>
      </p>
    );
  }
  const onUnlock = (event: FormEvent) => {
    event.preventDefault();
    change.mutate(() => unlockWrites(token), { onSuccess: () => setToken("") });
  };
  return (
    <form onSubmit={onUnlock} className="saved-views-token" data-testid="write-access">
      <label>
        <span className="muted">
          Write token, if this server requires one (kept by this browser as a cookie no script can read)
        </span>
        <input
          type="password"
          value={token}
          autoComplete="off"
          required
          onChange={(event) => setToken(event.target.value)}
          data-testid="write-token"
        />
      </label>
      <button type="submit" className="button button--small" disabled={change.isPending}>
        Unlock writes
      </button>
      {change.error ? (
        <span className="saved-views-error" role="alert">
          {change.error.message}
        </span>
      ) : null}
    </form>
  );
}
