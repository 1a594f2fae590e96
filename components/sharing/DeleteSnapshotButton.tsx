"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteSnapshot } from "@/components/queries/sharing";

/**
 * Deletes the pinned snapshot on screen (after a confirmation) and opens `then`: the live view, or
 * the home page when the experiment is gone. The server decides who may (whoever may write); its
 * refusal is shown as it says it.
 */
export function DeleteSnapshotButton({ id, then }: { id: string; then: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [deleting, setDeleting] = useState(false);
  const onClick = async () => {
    if (!window.confirm("Delete this snapshot? Its short link will stop working for everyone.")) return;
    setDeleting(true);
    setError(null);
    try {
      await deleteSnapshot(id);
      router.replace(then);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setDeleting(false);
    }
  };
  return (
    <>
      <button type="button" onClick={onClick} disabled={deleting} data-testid="snapshot-delete">
        {deleting ? "Deleting…" : "Delete snapshot"}
      </button>
      {error ? (
        <span className="saved-views-error" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
