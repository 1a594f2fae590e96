import type { Metadata } from "next";
import { AdminPanel } from "@/components/accounts/AdminPanel";
import { requireSignedInPage } from "@/lib/server/auth/pageCaller";

/** Who is asking is read per request. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Admin" };

/** A team server's users and audit trail; the API answers only admins (docs/security.md "Team server"). */
export default async function AdminPage() {
  await requireSignedInPage("/admin");
  return (
    <>
      <div className="page-heading">
        <h1>Admin</h1>
        <p className="page-lede">
          Who may read and change what, and every change recorded with who made it and when. Without sign-in
          (ALPHASCOPE_AUTH unset) there are no users; the audit trail is then read with{" "}
          <code>GET /api/audit</code>.
        </p>
      </div>
      <AdminPanel />
    </>
  );
}
