"use client";

import { memo, useState } from "react";

/**
 * Copies the current view's link. The link is also shown in a read-only field, so it can be copied
 * by hand where the clipboard is not available (e.g. a page not served over HTTPS).
 */
export const CopyLinkButton = memo(function CopyLinkButton({ url }: { url: () => string }) {
  const [copied, setCopied] = useState<{ url: string; ok: boolean } | null>(null);

  const copy = async () => {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ url: link, ok: true });
    } catch {
      setCopied({ url: link, ok: false });
    }
  };

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={copy} data-testid="copy-link">
        Copy link
      </button>
      {copied ? (
        <>
          <span className="copy-link-status" role="status">
            {copied.ok ? "Link copied" : "Copy the link below"}
          </span>
          <input
            className="copy-link-url"
            type="text"
            readOnly
            value={copied.url}
            aria-label="Link to this view"
            onFocus={(event) => event.target.select()}
            data-testid="share-link"
          />
        </>
      ) : null}
    </div>
  );
});
