import type { Metadata } from "next";
import { headers } from "next/headers";
import { withPageData } from "@/components/pages/PageData";
import { SignInPanel } from "@/components/signIn/SignInPanel";
import { signInPageState } from "@/lib/server/auth/signInPage";
import { serverDb } from "@/lib/server/db";
import type { PageSearchParams } from "@/lib/server/pageSearch";

export const metadata: Metadata = { title: "Sign in" };

export const dynamic = "force-dynamic";

/** Sign in: through the team's OpenID provider (oidc) or with a personal token (tokens). */
export default async function SignInPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const search = await searchParams;
  const requestHeaders = await headers();
  return withPageData(
    () => signInPageState(requestHeaders, serverDb(), search),
    (state) => <SignInPanel state={state} />,
  );
}
