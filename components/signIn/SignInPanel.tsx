import type { SignInPageState } from "@/lib/server/auth/signInPage";
import { TokenSignInForm } from "./TokenSignInForm";

/** The sign-in page's body: already signed in, the provider's button, or the token form. */
export function SignInPanel({ state }: { state: SignInPageState }) {
  return (
    <section className="panel signin" aria-labelledby="signin-title">
      <h1 id="signin-title">Sign in</h1>
      {state.error && (
        <p className="notice" role="alert" data-testid="signin-error">
          {state.error}
        </p>
      )}
      {state.mode === "none" ? (
        <p>This server has no sign-in: everyone who can reach it reads everything (docs/security.md).</p>
      ) : state.user ? (
        <p>
          You are signed in as <strong>{state.user.email}</strong> ({state.user.role}).{" "}
          <a href={state.next}>Continue</a>
        </p>
      ) : state.mode === "oidc" ? (
        <>
          <p className="page-lede">
            This server's experiments are for its team: sign in with your organisation's account.
          </p>
          <a
            className="button button--primary"
            href={`/api/auth/signin?next=${encodeURIComponent(state.next)}`}
            data-testid="signin-provider"
          >
            Sign in with {state.provider}
          </a>
        </>
      ) : (
        <>
          <p className="page-lede">
            Paste a personal token (from <code>alphascope tokens create</code>, or your administrator). It
            opens a session in this browser; a read token's session may only read.
          </p>
          <TokenSignInForm next={state.next} />
        </>
      )}
    </section>
  );
}
