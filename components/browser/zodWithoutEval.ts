import { z } from "zod";

// The pages' Content-Security-Policy allows no eval (docs/security.md), and the browser reports zod's
// one-time `new Function` probe as a violation although zod catches it. `jitless` skips the probe and the
// compiled fast path, which the browser's small parses (a page's URL state) do not need. Browser only:
// the server keeps zod's fast path. Imported by the root layout's QueryProvider, so it holds on every page.
if (typeof window !== "undefined") z.config({ jitless: true });
