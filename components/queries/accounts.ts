import { queryOptions } from "@tanstack/react-query";
import type { ApiToken, TokenScope } from "../../lib/contracts/accounts";
import type { AuditEvent } from "../../lib/contracts/audit";
import type { Role, User } from "../../lib/contracts/users";
import { fetchJson } from "./fetchJson";

/*
 * The browser's side of a team server's accounts: the caller's tokens, and (admins) the users and
 * the audit trail. The session cookie (or no one) is who asks; the server decides what each may do.
 */

function sendJson<T>(url: string, method: string, body: unknown): Promise<T> {
  return fetchJson<T>(url, {
    method,
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
}

export const tokensQuery = queryOptions({
  queryKey: ["tokens"] as const,
  queryFn: ({ signal }) => fetchJson<ApiToken[]>("/api/tokens", { signal }),
  retry: false,
});

export function createToken(input: { name: string; scope: TokenScope; expiresInDays?: number }) {
  return sendJson<{ token: ApiToken; secret: string }>("/api/tokens", "POST", input);
}

export function revokeToken(id: number) {
  return fetchJson<ApiToken>(`/api/tokens/${id}`, { method: "DELETE" });
}

export const usersQuery = queryOptions({
  queryKey: ["users"] as const,
  queryFn: ({ signal }) => fetchJson<User[]>("/api/users", { signal }),
  retry: false,
});

export function putUser(input: { email: string; role: Role }) {
  return sendJson<User>("/api/users", "POST", input);
}

export function changeUserRole(id: number, role: Role) {
  return sendJson<User>(`/api/users/${id}`, "PATCH", { role });
}

export function removeUser(id: number) {
  return fetchJson<null>(`/api/users/${id}`, { method: "DELETE" });
}

/** The filters of the audit page; `before` pages back (the last event's id). */
export interface AuditFilters {
  experiment: string;
  actor: string;
  before?: number;
}

/** Events per page of the admin page's audit trail. */
export const AUDIT_PAGE_SIZE = 50;

export function auditQuery(filters: AuditFilters) {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (filters.experiment.trim()) params.set("experiment", filters.experiment.trim());
  if (filters.actor.trim()) params.set("actor", filters.actor.trim());
  if (filters.before !== undefined) params.set("before", String(filters.before));
  return queryOptions({
    queryKey: ["audit", params.toString()] as const,
    queryFn: ({ signal }) => fetchJson<AuditEvent[]>(`/api/audit?${params}`, { signal }),
    retry: false,
  });
}
