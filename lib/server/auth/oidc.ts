import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import * as client from "openid-client";
import type { SignInErrorCode } from "../../contracts/auth";
import { emailSchema } from "../../contracts/users";
import type { Db } from "../../db/client";
import { deleteSession, openSession } from "../../db/queries/sessions";
import { tokenSecretHash } from "./identify";
import { safeNextPath } from "./nextPath";
import { isLoopbackUrl, type OidcSettings } from "./oidcSettings";
import {
  cookieName,
  cookieValue,
  newSessionSecret,
  sessionCookieName,
  sessionExpiry,
  sessionSetCookie,
  setCookie,
} from "./sessionCookie";

// The relying party, on openid-client (docs/security.md "Signing in" says why this library): the
// authorization code flow with PKCE (S256), `state` and `nonce`, the ID token's signature, issuer,
// audience, expiry and nonce checked by the library.

type Env = Readonly<Record<string, string | undefined>>;

/** How long a started sign-in may take at the provider (the flow cookie's lifetime). */
const FLOW_SECONDS = 600;

/** What the person is asked to share: who they are (`sub`), their e-mail and name. */
const SCOPE = "openid email profile";

/** A sign-in that cannot finish; the sign-in page explains `code`. */
export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "SignInError";
  }
}

const configurations = new Map<string, Promise<client.Configuration>>();

/**
 * The provider's configuration from its discovery document, fetched once per process (a failed
 * fetch is forgotten, so the next sign-in tries again). Plain http is allowed only for a provider
 * on loopback (oidcSettings refuses it elsewhere).
 */
function configuration(settings: OidcSettings): Promise<client.Configuration> {
  const key = `${settings.issuer.href} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const insecure = settings.issuer.protocol === "http:" && isLoopbackUrl(settings.issuer);
    found = client.discovery(
      settings.issuer,
      settings.clientId,
      undefined,
      client.ClientSecretBasic(settings.clientSecret),
      insecure ? { execute: [client.allowInsecureRequests] } : undefined,
    );
    configurations.set(key, found);
    found.catch(() => configurations.delete(key));
  }
  return found;
}

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  next: string;
  /** When the sign-in started, ms since the epoch. */
  startedAt: number;
}

/** The flow cookie's name (`__Host-` over TLS). */
export function flowCookieName(env: Env = process.env): string {
  return cookieName("alphascope_signin", env);
}

/**
 * The flow cookie is signed with a key derived from the client secret (which only this server
 * knows), so that nobody can plant a state and verifier of their own in a victim's browser (a
 * login CSRF through cookie injection) without also knowing the secret.
 */
function flowKey(settings: OidcSettings): Buffer {
  return createHash("sha256").update(`alphascope sign-in flow\0${settings.clientSecret}`).digest();
}

function sealFlow(flow: Flow, settings: OidcSettings): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString("base64url");
  const mac = createHmac("sha256", flowKey(settings)).update(payload).digest("base64url");
  return `${payload}.${mac}`;
}

function openFlow(sealed: string | null, settings: OidcSettings, now: Date): Flow | null {
  const [payload, mac] = (sealed ?? "").split(".");
  if (!payload || !mac) return null;
  const expected = createHmac("sha256", flowKey(settings)).update(payload).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const flow = JSON.parse(Buffer.from(payload, "base64url").toString()) as Flow;
  const age = now.getTime() - flow.startedAt;
  return age >= 0 && age <= FLOW_SECONDS * 1000 ? flow : null;
}

/**
 * GET /api/auth/signin: where to send the browser (the provider's authorization endpoint, with a
 * fresh PKCE challenge, state and nonce) and the flow cookie remembering them and `next`.
 */
export async function startSignIn(
  settings: OidcSettings,
  next: string | null,
  options: { now?: Date; env?: Env } = {},
): Promise<{ location: string; cookie: string }> {
  const env = options.env ?? process.env;
  const config = await configuration(settings);
  const flow: Flow = {
    state: client.randomState(),
    nonce: client.randomNonce(),
    verifier: client.randomPKCECodeVerifier(),
    next: safeNextPath(next),
    startedAt: (options.now ?? new Date()).getTime(),
  };
  const location = client.buildAuthorizationUrl(config, {
    redirect_uri: settings.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
    code_challenge_method: "S256",
    state: flow.state,
    nonce: flow.nonce,
  });
  return {
    location: location.href,
    cookie: setCookie(flowCookieName(env), sealFlow(flow, settings), FLOW_SECONDS, env),
  };
}

/** The person the provider vouches for: a verified e-mail (who they are here) and a name. */
async function verifiedPerson(
  config: client.Configuration,
  tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers,
): Promise<{ email: string; name: string | null }> {
  const idToken = tokens.claims();
  if (!idToken) throw new SignInError("failed", "The provider sent no ID token.");
  // Many providers put the e-mail in the ID token; the others answer it at the UserInfo endpoint.
  const claims: Record<string, unknown> =
    typeof idToken.email === "string"
      ? idToken
      : await client.fetchUserInfo(config, tokens.access_token, idToken.sub);
  const email = emailSchema.safeParse(claims.email);
  if (!email.success || claims.email_verified !== true) {
    throw new SignInError("unverified", "The provider did not send a verified e-mail address.");
  }
  const name =
    typeof claims.name === "string" && claims.name.trim() !== "" ? claims.name.trim().slice(0, 200) : null;
  return { email: email.data, name };
}

/**
 * GET /api/auth/callback: checks the provider's answer against the flow cookie (state, PKCE
 * verifier, nonce) and the ID token (by openid-client), then opens a session for the person's
 * verified e-mail — a new user gets the default role, an existing one keeps theirs — and records
 * the sign-in, in one transaction. Returns where to go and the cookies to set (the new session,
 * the flow cookie deleted). A browser's previous session, if any, ends. Throws SignInError.
 */
export async function finishSignIn(
  db: Db,
  settings: OidcSettings,
  request: Request,
  options: { now?: Date; env?: Env } = {},
): Promise<{ next: string; cookies: string[] }> {
  const env = options.env ?? process.env;
  const now = options.now ?? new Date();
  const flow = openFlow(cookieValue(request.headers, flowCookieName(env)), settings, now);
  if (!flow)
    throw new SignInError(
      "expired",
      "No sign-in was started in this browser, or it is older than 10 minutes.",
    );
  // The URL as the provider addressed it (the public one), with the provider's parameters.
  const current = new URL(settings.redirectUri);
  current.search = new URL(request.url).search;
  const config = await configuration(settings);
  let tokens: client.TokenEndpointResponse & client.TokenEndpointResponseHelpers;
  try {
    tokens = await client.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    if (error instanceof client.AuthorizationResponseError) {
      throw new SignInError("denied", `The provider refused: ${error.error}.`);
    }
    throw new SignInError("failed", `The provider's answer did not check out: ${(error as Error).message}`);
  }
  const person = await verifiedPerson(config, tokens);
  const previous = cookieValue(request.headers, sessionCookieName(env));
  if (previous) await deleteSession(db, tokenSecretHash(previous));
  const secret = newSessionSecret();
  await openSession(
    db,
    { kind: "oidc", email: person.email, name: person.name, roleIfNew: settings.defaultRole },
    {
      id: tokenSecretHash(secret),
      scope: "write",
      now,
      expiresAt: sessionExpiry(now, env),
      summary: `Signed in through ${settings.issuer.href}`,
    },
  );
  return {
    next: flow.next,
    cookies: [sessionSetCookie(secret, env), setCookie(flowCookieName(env), "", 0, env)],
  };
}
