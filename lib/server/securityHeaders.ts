/**
 * Response headers every answer carries (docs/security.md, "Headers"): next.config.ts sets them on
 * every route, proxy.ts replaces the policy of pages with one carrying the request's nonce, and the
 * HTTP server (scripts/serve.ts) puts them on the few answers it gives itself.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  // Own requests keep their Origin and Referer (the CSRF check reads them); other sites learn nothing.
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/**
 * The policy of everything that is not a page (API JSON, static files, error answers): nothing may
 * frame it, and opened on its own it may run nothing but its own scripts (the scaling page's search
 * worker is such a script: a worker runs under its script's policy).
 */
export const RESOURCE_CSP =
  "default-src 'none'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * The policy of a page: scripts only with this response's nonce (Next puts it on its own scripts and
 * the ones they load are trusted through 'strict-dynamic'), styles from the app or with the nonce,
 * style attributes (React renders `style` props as attributes), workers from the app (and blob: for
 * the dev bundler), nothing framed, not frameable. The dev server also needs eval for its tooling and
 * injects style elements without the nonce (a nonce would turn 'unsafe-inline' off).
 */
export function pageCsp(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    dev ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The nonce of a page policy made by `pageCsp` (proxy.ts gives it to the page's request), if any. */
export function policyNonce(policy: string | null): string | undefined {
  return policy ? /'nonce-([^']+)'/.exec(policy)?.[1] : undefined;
}
