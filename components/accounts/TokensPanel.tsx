"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { CopyLinkButton } from "@/components/common/CopyLinkButton";
import { StatusPanel } from "@/components/common/StatusPanel";
import { createToken, revokeToken, tokensQuery } from "@/components/queries/accounts";
import { TOKEN_MAX_DAYS, type TokenScope } from "@/lib/contracts/accounts";
import styles from "./Accounts.module.css";
import { useAccountAction } from "./useAccountAction";

const STALE = [tokensQuery.queryKey];

const when = (iso: string | null, none = "—") => (iso === null ? none : new Date(iso).toLocaleString());

/**
 * The caller's personal tokens: each with its scope and dates, a form for a new one (whose secret
 * is shown this once, with a copy button) and a revoke button per live token.
 */
export function TokensPanel() {
  const tokens = useQuery(tokensQuery);
  const [name, setName] = useState("");
  const [scope, setScope] = useState<TokenScope>("read");
  const [days, setDays] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const { act, busy, error } = useAccountAction(STALE);

  function submit(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      const created = await createToken({
        name,
        scope,
        ...(days.trim() === "" ? {} : { expiresInDays: Number(days) }),
      });
      setSecret(created.secret);
      setName("");
    });
  }

  if (tokens.isError) {
    return (
      <StatusPanel title="Your tokens are not available" tone="error">
        {tokens.error.message}
      </StatusPanel>
    );
  }
  return (
    <>
      <form onSubmit={submit} className={styles.form} aria-label="New token">
        <label>
          Name{" "}
          <input
            type="text"
            value={name}
            required
            maxLength={100}
            onChange={(e) => setName(e.target.value)}
          />
        </label>
        <label>
          Scope{" "}
          <select value={scope} onChange={(e) => setScope(e.target.value === "write" ? "write" : "read")}>
            <option value="read">read</option>
            <option value="write">write (acts with your role)</option>
          </select>
        </label>
        <label>
          Expires after (days, empty: never){" "}
          <input
            type="number"
            min={1}
            max={TOKEN_MAX_DAYS}
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <button type="submit" className="button button--primary" disabled={busy}>
          Create token
        </button>
      </form>
      {error ? (
        <p role="alert" className="muted">
          {error}
        </p>
      ) : null}
      {secret ? (
        <StatusPanel title="Your new token: copy it now, it is not shown again">
          <CopyLinkButton
            url={() => secret}
            label="New token"
            text="Copy token"
            shortcut={null}
            testId="copy-token"
          />
        </StatusPanel>
      ) : null}
      {tokens.data === undefined ? (
        <p className="muted">Loading…</p>
      ) : tokens.data.length === 0 ? (
        <StatusPanel title="No tokens yet" tone="empty" />
      ) : (
        <div className="table-overflow">
          <table className="data-table" data-testid="tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Scope</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">Expires</th>
                <th scope="col">Revoked</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.map((token) => (
                <tr key={token.id}>
                  <th scope="row">{token.name}</th>
                  <td>{token.scope}</td>
                  <td>{when(token.createdAt)}</td>
                  <td>{when(token.lastUsedAt, "never")}</td>
                  <td>{when(token.expiresAt, "never")}</td>
                  <td>{when(token.revokedAt)}</td>
                  <td>
                    {token.revokedAt === null ? (
                      <button
                        type="button"
                        className="button button--small"
                        disabled={busy}
                        onClick={() => void act(() => revokeToken(token.id))}
                      >
                        Revoke
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
