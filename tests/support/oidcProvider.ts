import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "../../scripts/support/freePort";

/** The OpenID provider a test started, on loopback. */
export interface TestProvider {
  /** Its issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/** Logins the provider says it could not verify the e-mail of. */
export const UNVERIFIED_PREFIX = "unverified-";

/**
 * Starts a real OpenID provider (the certified `oidc-provider`, in memory) for the tests: one
 * confidential client whose redirect URIs are `redirectUris`, PKCE required, and its development
 * login and consent pages (`devInteractions`: any login and password signs in). The login is the
 * account's id and its e-mail; a login starting with `unverified-` gets `email_verified: false`.
 * `host` is the issuer's host name (`localhost` by default: another site than an app reached at
 * 127.0.0.1, so the provider's redirect back is a cross-site navigation, as in production).
 */
export async function startOidcProvider(options: {
  redirectUris: string[];
  host?: string;
}): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://${options.host ?? "localhost"}:${port}`;
  const clientId = "alphascope-test";
  const clientSecret = "a-test-client-secret-that-is-long-enough";
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    cookies: { keys: ["alphascope-test-provider-cookie-key"] },
    // Lifetimes of its own artifacts, in seconds (short: a test run).
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 600,
      IdToken: 600,
      AuthorizationCode: 60,
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({
        sub: id,
        email: id.replace(UNVERIFIED_PREFIX, ""),
        email_verified: !id.startsWith(UNVERIFIED_PREFIX),
        name: `Test ${id.split("@")[0]}`,
      }),
    }),
  });
  // Listening on every address (no host): "localhost" may resolve to ::1 or 127.0.0.1.
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
