/**
 * next/navigation in a static bundle's viewer (scripts/build-viewer.ts puts it in its place): the
 * copy has no client-side router, so a push is a page load. The one hook of next/navigation the
 * explorer's components import (the review deck's, which a pinned copy never shows).
 */
export function useRouter(): { push(href: string): void } {
  return { push: (href) => window.location.assign(href) };
}
