import { describe, expect, it } from "vitest";
import {
  clearedWriteCookie,
  exchangeWriteToken,
  hasWriteCookie,
  writeSessionState,
} from "@/lib/server/auth/writeSession";

const env = { ALPHASCOPE_WRITE_TOKEN: "s3cret" };
const now = new Date("2026-12-06T00:00:00Z");
const later = (hours: number) => new Date(now.getTime() + hours * 3600_000);
const headers = (cookie: string) => new Headers({ cookie });
/** The `name=value` of a Set-Cookie. */
const pair = (setCookie: string) => setCookie.split(";")[0];

describe("the write cookie", () => {
  it("is HttpOnly, SameSite=Strict, lasts a session's hours and never holds the token", () => {
    const cookie = exchangeWriteToken("s3cret", env, now);
    expect(cookie).toMatch(
      /^alphascope_write=v1\.\d+\.[A-Za-z0-9_-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Strict$/,
    );
    expect(cookie).not.toContain("s3cret");
    const tls = exchangeWriteToken("s3cret", { ...env, ALPHASCOPE_PUBLIC_URL: "https://a.example" }, now);
    expect(tls).toMatch(/^__Host-alphascope_write=.*; SameSite=Strict; Secure$/);
  });

  it("proves the token until it expires or the token changes", () => {
    const cookie = pair(exchangeWriteToken("s3cret", env, now));
    expect(hasWriteCookie(headers(cookie), env, later(1))).toBe(true);
    expect(hasWriteCookie(headers(`other=1; ${cookie}`), env, later(1))).toBe(true);
    expect(hasWriteCookie(headers(cookie), env, later(168))).toBe(false);
    expect(hasWriteCookie(headers(cookie), { ALPHASCOPE_WRITE_TOKEN: "rotated" }, later(1))).toBe(false);
    expect(hasWriteCookie(headers(cookie), {}, later(1))).toBe(false);
    expect(hasWriteCookie(headers(cookie), { ...env, ALPHASCOPE_AUTH: "tokens" }, later(1))).toBe(false);
  });

  it("is refused when its expiry or signature is altered", () => {
    const cookie = pair(exchangeWriteToken("s3cret", env, now));
    const [name, version, expiry, signature] = cookie.split(/[=.]/);
    const pushed = `${name}=${version}.${Number(expiry) + 3600}.${signature}`;
    expect(hasWriteCookie(headers(pushed), env, later(1))).toBe(false);
    const flipped = `${name}=${version}.${expiry}.${signature[0] === "A" ? "_" : "A"}${signature.slice(1)}`;
    expect(hasWriteCookie(headers(flipped), env, later(1))).toBe(false);
    expect(hasWriteCookie(headers(`${name}=s3cret`), env, later(1))).toBe(false);
  });

  it("is given only for the right token, and only on a zero-configuration server that has one", () => {
    expect(() => exchangeWriteToken("wrong", env, now)).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => exchangeWriteToken("s3cret", {}, now)).toThrow(expect.objectContaining({ status: 404 }));
    expect(() => exchangeWriteToken("s3cret", { ...env, ALPHASCOPE_AUTH: "oidc" }, now)).toThrow(
      expect.objectContaining({ status: 404 }),
    );
  });

  it("says whether the server takes a token and whether the browser holds its cookie; forgetting deletes it", () => {
    const cookie = pair(exchangeWriteToken("s3cret", env, now));
    expect(writeSessionState(headers(""), {}, now)).toEqual({ required: false, held: false });
    expect(writeSessionState(headers(""), env, now)).toEqual({ required: true, held: false });
    expect(writeSessionState(headers(cookie), env, later(1))).toEqual({ required: true, held: true });
    expect(clearedWriteCookie(env)).toBe("alphascope_write=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
  });
});
