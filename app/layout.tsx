import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { ShortcutsOverlay } from "@/components/common/ShortcutsOverlay";
import { AppHeader } from "@/components/layout/AppHeader";
import { ThemeHead } from "@/components/layout/ThemeHead";
import { QueryProvider } from "@/components/providers/QueryProvider";
import { policyNonce } from "@/lib/server/securityHeaders";
import "./globals.css";
import "./presentation.css";
import "./print.css";

export const metadata: Metadata = {
  title: { default: "alphascope", template: "%s · alphascope" },
  description:
    "Explore the correctness–efficiency Pareto frontier of interpolated and extrapolated model checkpoints.",
};

/** Rendered per request (never prerendered), so every page carries the nonce of its CSP (proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const nonce = policyNonce((await headers()).get("content-security-policy"));
  return (
    // The theme script marks <html> with the stored scheme before React hydrates it.
    <html lang="en" suppressHydrationWarning>
      <head>
        <ThemeHead nonce={nonce} />
      </head>
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <AppHeader />
        <QueryProvider>
          <main id="main" className="app-main">
            {children}
          </main>
        </QueryProvider>
        <ShortcutsOverlay />
      </body>
    </html>
  );
}
