import { describe, expect, it } from "vitest";
import { ROLES, type Role, VISIBILITIES, type Visibility } from "@/lib/contracts/users";
import type { ExperimentAccess } from "@/lib/db/queries/experimentShares";
import type { Principal } from "@/lib/server/auth/principal";
import { mayRead, readScope, requireMayRead } from "@/lib/server/auth/visibility";
import { ApiError, NotFoundError } from "@/lib/server/errors";

const OWNER = 1;
const SHARED = 2;
const OTHER = 3;

function user(userId: number, role: Role): Principal {
  return { kind: "user", userId, email: `u${userId}@example.com`, role, via: "token", scope: "read" };
}

function experiment(visibility: Visibility): ExperimentAccess {
  return { visibility, ownerId: OWNER, sharedWith: [SHARED] };
}

/** The rule written out case by case, independently of mayRead's order of tests. */
function expected(principal: Principal, visibility: Visibility): boolean {
  if (principal.kind === "local") return true;
  if (visibility === "public") return true;
  if (principal.kind === "anonymous") return false;
  if (visibility === "team") return true;
  return principal.role === "admin" || principal.userId === OWNER || principal.userId === SHARED;
}

const PRINCIPALS: Principal[] = [
  { kind: "local" },
  { kind: "anonymous" },
  ...ROLES.flatMap((role) => [OWNER, SHARED, OTHER].map((id) => user(id, role))),
];

describe("mayRead", () => {
  it.each(VISIBILITIES.flatMap((visibility) => PRINCIPALS.map((principal) => ({ visibility, principal }))))(
    "$visibility to $principal.kind $principal.userId $principal.role",
    ({ visibility, principal }) => {
      expect(mayRead(principal, experiment(visibility))).toBe(expected(principal, visibility));
    },
  );

  it("lets a viewer read a private experiment only as its owner or one it is shared with", () => {
    const viewer = (id: number) => mayRead(user(id, "viewer"), experiment("private"));
    expect([viewer(OWNER), viewer(SHARED), viewer(OTHER)]).toEqual([true, true, false]);
  });

  it("reads an ownerless private experiment as an admin's only", () => {
    const ownerless: ExperimentAccess = { visibility: "private", ownerId: null, sharedWith: [] };
    expect(ROLES.map((role) => mayRead(user(OTHER, role), ownerless))).toEqual([false, false, true]);
  });
});

describe("requireMayRead", () => {
  it("answers 401 to an anonymous caller, hidden and missing alike", () => {
    for (const access of [experiment("team"), experiment("private"), null]) {
      expect(() => requireMayRead({ kind: "anonymous" }, "x", access)).toThrow(
        expect.objectContaining({ status: 401, code: "unauthorized" }),
      );
    }
  });

  it("answers a hidden experiment with the very 404 of a missing one", () => {
    const hidden = catchError(() => requireMayRead(user(OTHER, "editor"), "x", experiment("private")));
    const missing = catchError(() => requireMayRead(user(OTHER, "editor"), "x", null));
    expect(hidden).toBeInstanceOf(NotFoundError);
    expect([hidden.status, hidden.code, hidden.message]).toEqual([
      missing.status,
      missing.code,
      missing.message,
    ]);
  });

  it("passes what may be read", () => {
    expect(() => requireMayRead({ kind: "anonymous" }, "x", experiment("public"))).not.toThrow();
    expect(() => requireMayRead(user(SHARED, "viewer"), "x", experiment("private"))).not.toThrow();
  });
});

describe("readScope", () => {
  it("reads everything without sign-in and as an admin, the public ones anonymously, else a user's", () => {
    expect(readScope({ kind: "local" })).toEqual({ kind: "all" });
    expect(readScope(user(OTHER, "admin"))).toEqual({ kind: "all" });
    expect(readScope({ kind: "anonymous" })).toEqual({ kind: "public" });
    expect(readScope(user(OTHER, "editor"))).toEqual({ kind: "user", userId: OTHER });
  });
});

function catchError(run: () => void): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("did not throw");
}
