"use client";

import { type FormEvent, useState } from "react";
import type { TokenSignInResponse } from "@/lib/contracts/auth";
import { fetchJson } from "../queries/fetchJson";

/**
 * Signs this browser in with a personal token (ALPHASCOPE_AUTH=tokens): the token goes once, as
 * JSON, to /api/auth/token-signin, which answers with an HttpOnly session cookie — the token itself
 * is never stored in the browser. Then on to `next`.
 */
export function TokenSignInForm({ next }: { next: string }) {
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const answer = await fetchJson<TokenSignInResponse>("/api/auth/token-signin", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ token, next }),
      });
      window.location.assign(answer.next);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <form className="signin-form" onSubmit={submit} data-testid="token-signin">
      <label htmlFor="signin-token">Personal token</label>
      <input
        id="signin-token"
        type="password"
        autoComplete="off"
        required
        value={token}
        onChange={(event) => setToken(event.target.value)}
        aria-describedby={error ? "signin-token-error" : undefined}
      />
      {error && (
        <span id="signin-token-error" className="field-error" role="alert">
          {error}
        </span>
      )}
      <button type="submit" className="button button--primary" disabled={busy || token.trim() === ""}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
