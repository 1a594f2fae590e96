import type { Metadata } from "next";
import { TokensPanel } from "@/components/accounts/TokensPanel";
import { requireSignedInPage } from "@/lib/server/auth/pageCaller";

/** Who is asking is read per request. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Personal tokens" };

/** The signed-in user's personal API tokens (a team server: ALPHASCOPE_AUTH). */
export default async function TokensPage() {
  await requireSignedInPage("/settings/tokens");
  return (
    <>
      <div className="page-heading">
        <h1>Personal tokens</h1>
        <p className="page-lede">
          For the CLI, CI and scripts: send one as <code>Authorization: Bearer &lt;token&gt;</code>, or give
          it to <code>alphascope import --server … --token …</code>. A read token never changes anything; a
          write token acts with your role. Only its hash is stored, so it is shown once.
        </p>
      </div>
      <TokensPanel />
    </>
  );
}
