import { describe, expect, it } from "vitest";
import { SettingError } from "@/lib/import/settings";
import { oidcSettings } from "@/lib/server/auth/oidcSettings";
import { signInStartupMessage } from "@/lib/server/auth/startupCheck";

const GOOD = {
  ALPHASCOPE_AUTH: "oidc",
  ALPHASCOPE_OIDC_ISSUER: "https://id.example.org/realms/lab",
  ALPHASCOPE_OIDC_CLIENT_ID: "alphascope",
  ALPHASCOPE_OIDC_CLIENT_SECRET: "s3cret",
  ALPHASCOPE_PUBLIC_URL: "https://scope.example.org/",
};

describe("oidcSettings", () => {
  it("reads a complete configuration, with the redirect URI to register and viewer as default role", () => {
    expect(oidcSettings(GOOD)).toMatchObject({
      clientId: "alphascope",
      publicOrigin: "https://scope.example.org",
      redirectUri: "https://scope.example.org/api/auth/callback",
      defaultRole: "viewer",
    });
    expect(oidcSettings(GOOD).issuer.href).toBe("https://id.example.org/realms/lab");
    expect(oidcSettings({ ...GOOD, ALPHASCOPE_OIDC_DEFAULT_ROLE: "editor" }).defaultRole).toBe("editor");
    // Plain http only for a provider on this machine.
    expect(oidcSettings({ ...GOOD, ALPHASCOPE_OIDC_ISSUER: "http://localhost:9000" }).issuer.port).toBe(
      "9000",
    );
    expect(oidcSettings({ ...GOOD, ALPHASCOPE_OIDC_ISSUER: "http://127.0.0.1:9000" }).issuer.hostname).toBe(
      "127.0.0.1",
    );
  });

  it("names every missing variable at once", () => {
    expect(() =>
      oidcSettings({ ALPHASCOPE_AUTH: "oidc", ALPHASCOPE_OIDC_ISSUER: GOOD.ALPHASCOPE_OIDC_ISSUER }),
    ).toThrow(
      new SettingError(
        'ALPHASCOPE_AUTH=oidc needs ALPHASCOPE_OIDC_CLIENT_ID, ALPHASCOPE_OIDC_CLIENT_SECRET, ALPHASCOPE_PUBLIC_URL (docs/deploy.md "Sign-in with OpenID Connect").',
      ),
    );
  });

  it.each([
    [{ ALPHASCOPE_OIDC_ISSUER: "id.example.org" }, /ALPHASCOPE_OIDC_ISSUER must be an absolute URL/],
    [{ ALPHASCOPE_OIDC_ISSUER: "http://id.example.org" }, /ALPHASCOPE_OIDC_ISSUER must be an https URL/],
    [{ ALPHASCOPE_OIDC_ISSUER: "ftp://id.example.org" }, /must be an http\(s\) URL/],
    [
      { ALPHASCOPE_PUBLIC_URL: "https://scope.example.org/app" },
      /ALPHASCOPE_PUBLIC_URL must be the server's origin/,
    ],
    [{ ALPHASCOPE_OIDC_DEFAULT_ROLE: "admin" }, /ALPHASCOPE_OIDC_DEFAULT_ROLE must be viewer or editor/],
    [{ ALPHASCOPE_OIDC_DEFAULT_ROLE: "owner" }, /ALPHASCOPE_OIDC_DEFAULT_ROLE must be viewer or editor/],
  ])("refuses %j", (change, message) => {
    expect(() => oidcSettings({ ...GOOD, ...change })).toThrow(message);
  });
});

describe("signInStartupMessage", () => {
  it("says nothing without sign-in, and what the server will do with it", () => {
    expect(signInStartupMessage({})).toBeNull();
    expect(signInStartupMessage({ ALPHASCOPE_AUTH: "tokens" })).toContain("sessions last 168 h");
    expect(signInStartupMessage({ ...GOOD, ALPHASCOPE_SESSION_HOURS: "8" })).toBe(
      "Sign-in: OpenID Connect through https://id.example.org/realms/lab (client alphascope, redirect URI https://scope.example.org/api/auth/callback); new users are viewers; sessions last 8 h after their last use.",
    );
  });

  it("stops the start on an unusable session lifetime or mode", () => {
    expect(() => signInStartupMessage({ ALPHASCOPE_AUTH: "tokens", ALPHASCOPE_SESSION_HOURS: "0" })).toThrow(
      SettingError,
    );
    expect(() =>
      signInStartupMessage({ ALPHASCOPE_AUTH: "tokens", ALPHASCOPE_SESSION_HOURS: "1e3" }),
    ).toThrow(/ALPHASCOPE_SESSION_HOURS must be a whole number of hours from 1 to 8760/);
    expect(() => signInStartupMessage({ ALPHASCOPE_AUTH: "sso" })).toThrow(SettingError);
  });
});
