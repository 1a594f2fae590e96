import { describe, expect, it } from "vitest";
import { ROLES, type Role } from "@/lib/contracts/users";
import { actorOf } from "@/lib/server/auth/actor";
import { type Access, authorize } from "@/lib/server/auth/permissions";
import type { Principal } from "@/lib/server/auth/principal";
import { ApiError } from "@/lib/server/errors";

const user = (
  role: Role,
  scope: "read" | "write" = "write",
  via: "token" | "session" = "token",
): Principal => ({
  kind: "user",
  userId: 1,
  email: "ada@example.org",
  role,
  via,
  scope,
  ...(via === "token" ? { tokenName: "ci" } : {}),
});

function statusOf(principal: Principal, required: Role, access: Access): number {
  try {
    authorize(principal, required, access, "tokens");
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return error.status;
    throw error;
  }
}

describe("authorize", () => {
  it("lets a role through exactly when it reaches the requirement", () => {
    const table = ROLES.map((role) => ROLES.map((required) => statusOf(user(role), required, "write")));
    // rows: viewer, editor, admin; columns: requires viewer, editor, admin
    expect(table).toEqual([
      [200, 403, 403],
      [200, 200, 403],
      [200, 200, 200],
    ]);
  });

  it("refuses a read-scoped token any write, even an admin's, and lets it read", () => {
    expect(statusOf(user("admin", "read"), "editor", "write")).toBe(403);
    expect(statusOf(user("admin", "read"), "admin", "read")).toBe(200);
    expect(statusOf(user("viewer", "read"), "admin", "read")).toBe(403);
  });

  it("answers anonymous with 401 saying how to authenticate, in each mode", () => {
    for (const mode of ["tokens", "oidc"] as const) {
      let caught: unknown;
      try {
        authorize({ kind: "anonymous" }, "viewer", "read", mode);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ApiError);
      expect((caught as ApiError).status).toBe(401);
      expect((caught as ApiError).code).toBe("unauthorized");
      expect((caught as ApiError).message).toContain("Authorization: Bearer");
      expect((caught as ApiError).message.includes("/signin")).toBe(mode === "oidc");
    }
  });

  it("names the role that was missing", () => {
    expect(() => authorize(user("viewer"), "editor", "write", "tokens")).toThrow(
      "This needs the editor role; ada@example.org is a viewer.",
    );
  });

  it("leaves the local caller of the zero-configuration mode to the write guard", () => {
    expect(authorize({ kind: "local" }, "admin", "write", "none")).toEqual({ kind: "local" });
  });
});

describe("actorOf", () => {
  it("names the local caller, the shared token, a session user and a personal token", () => {
    expect(actorOf({ kind: "local" }, { NODE_ENV: "test" })).toBe("local");
    expect(actorOf({ kind: "local" }, { NODE_ENV: "test", ALPHASCOPE_WRITE_TOKEN: "s" })).toBe("token");
    const session = user("editor", "write", "session");
    if (session.kind !== "user") throw new Error("a user");
    expect(actorOf(session)).toBe("user:ada@example.org");
    const token = user("editor");
    if (token.kind !== "user") throw new Error("a user");
    expect(actorOf(token)).toBe("user:ada@example.org (token ci)");
  });
});
