"use client";

import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { StatusPanel } from "@/components/common/StatusPanel";
import {
  AUDIT_PAGE_SIZE,
  type AuditFilters,
  auditQuery,
  changeUserRole,
  putUser,
  removeUser,
  usersQuery,
} from "@/components/queries/accounts";
import { ROLES, type Role, roleSchema } from "@/lib/contracts/users";
import styles from "./Accounts.module.css";
import { useAccountAction } from "./useAccountAction";

const STALE = [usersQuery.queryKey, ["audit"]];

/** A team server's users (add, change a role, remove) and its audit trail, for admins. */
export function AdminPanel() {
  return (
    <>
      <section aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <UsersSection />
      </section>
      <section aria-labelledby="audit-heading" className={styles.section}>
        <h2 id="audit-heading">Audit trail</h2>
        <AuditSection />
      </section>
    </>
  );
}

function UsersSection() {
  const users = useQuery(usersQuery);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("viewer");
  const { act, busy, error } = useAccountAction(STALE);

  function submit(event: FormEvent) {
    event.preventDefault();
    void act(async () => {
      await putUser({ email, role });
      setEmail("");
    });
  }

  if (users.isError) {
    return (
      <StatusPanel title="The users are not available" tone="error">
        {users.error.message}
      </StatusPanel>
    );
  }
  return (
    <>
      <form onSubmit={submit} className={styles.form} aria-label="Add a user">
        <label>
          E-mail{" "}
          <input
            type="text"
            inputMode="email"
            value={email}
            required
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <RoleSelect label="Role" value={role} onChange={setRole} disabled={busy} />
        <button type="submit" className="button button--primary" disabled={busy}>
          Add or set role
        </button>
      </form>
      {error ? <p role="alert">{error}</p> : null}
      {users.data === undefined ? (
        <p className="muted">Loading…</p>
      ) : (
        <div className="table-overflow">
          <table className="data-table" data-testid="users">
            <thead>
              <tr>
                <th scope="col">E-mail</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((user) => (
                <tr key={user.id}>
                  <th scope="row">{user.email}</th>
                  <td>
                    <RoleSelect
                      label={`Role of ${user.email}`}
                      hiddenLabel
                      value={user.role}
                      disabled={busy}
                      onChange={(next) => void act(() => changeUserRole(user.id, next))}
                    />
                  </td>
                  <td>{new Date(user.createdAt).toLocaleString()}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--small"
                      disabled={busy}
                      onClick={() => {
                        if (window.confirm(`Remove ${user.email} and their tokens?`))
                          void act(() => removeUser(user.id));
                      }}
                    >
                      Remove
                    </button>
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

function RoleSelect(props: {
  label: string;
  hiddenLabel?: boolean;
  value: Role;
  disabled: boolean;
  onChange: (role: Role) => void;
}) {
  return (
    <label>
      <span className={props.hiddenLabel ? "visually-hidden" : undefined}>{props.label}</span>
      <select
        value={props.value}
        disabled={props.disabled}
        onChange={(event) => {
          const parsed = roleSchema.safeParse(event.target.value);
          if (parsed.success) props.onChange(parsed.data);
        }}
      >
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
    </label>
  );
}

function AuditSection() {
  const [draft, setDraft] = useState<AuditFilters>({ experiment: "", actor: "" });
  const [filters, setFilters] = useState<AuditFilters>({ experiment: "", actor: "" });
  // The ids each earlier page was asked `before`, so "Newer" walks back.
  const [pages, setPages] = useState<(number | undefined)[]>([]);
  const events = useQuery(auditQuery(filters));

  function submit(event: FormEvent) {
    event.preventDefault();
    setPages([]);
    setFilters({ experiment: draft.experiment, actor: draft.actor });
  }

  const last = events.data?.at(-1);
  return (
    <>
      <form onSubmit={submit} className={styles.form} aria-label="Filter the audit trail">
        <label>
          Experiment (slug){" "}
          <input
            type="text"
            value={draft.experiment}
            onChange={(e) => setDraft({ ...draft, experiment: e.target.value })}
          />
        </label>
        <label>
          Actor{" "}
          <input
            type="text"
            placeholder="user:ada@example.org"
            value={draft.actor}
            onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
          />
        </label>
        <button type="submit" className="button">
          Filter
        </button>
      </form>
      {events.isError ? (
        <StatusPanel title="The audit trail is not available" tone="error">
          {events.error.message}
        </StatusPanel>
      ) : events.data === undefined ? (
        <p className="muted">Loading…</p>
      ) : events.data.length === 0 ? (
        <StatusPanel title="No events" tone="empty" />
      ) : (
        <div className="table-overflow">
          <table className="data-table" data-testid="audit">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Actor</th>
                <th scope="col">Action</th>
                <th scope="col">Target</th>
                <th scope="col">Summary</th>
              </tr>
            </thead>
            <tbody>
              {events.data.map((event) => (
                <tr key={event.id}>
                  <td>{new Date(event.at).toLocaleString()}</td>
                  <td>{event.actor}</td>
                  <td>{event.action}</td>
                  <td>{event.target}</td>
                  <td>{event.summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className={styles.form}>
        <button
          type="button"
          className="button button--small"
          disabled={pages.length === 0}
          onClick={() => {
            setPages(pages.slice(0, -1));
            setFilters({ ...filters, before: pages.at(-1) });
          }}
        >
          Newer
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={last === undefined || (events.data?.length ?? 0) < AUDIT_PAGE_SIZE}
          onClick={() => {
            if (last === undefined) return;
            setPages([...pages, filters.before]);
            setFilters({ ...filters, before: last.id });
          }}
        >
          Older
        </button>
      </div>
    </>
  );
}
