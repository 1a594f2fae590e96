"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useShortcuts } from "@/lib/client/useShortcuts";

interface CopyLinkButtonProps {
  /** Builds the link when the button is pressed (the view may have changed since the last render). */
  url: () => string;
  /** Accessible name of the field that shows the link. */
  label?: string;
}

/**
 * Copies the link of the current view. Nothing depends on the URL until the button is pressed, so
 * the server and the browser render the same markup. The link is then shown in a read-only field:
 * where the clipboard refuses (a page not served over HTTPS, a denied permission) the button says
 * so and the field is focused with the link selected, ready to copy by hand.
 */
export const CopyLinkButton = memo(function CopyLinkButton({
  url,
  label = "Link to this view",
}: CopyLinkButtonProps) {
  const [copied, setCopied] = useState<{ url: string; ok: boolean } | null>(null);
  const field = useRef<HTMLInputElement>(null);

  // After a failed copy, put the selected link under the user's fingers (every attempt is a new object).
  useEffect(() => {
    if (copied && !copied.ok) field.current?.focus();
  }, [copied]);

  const copy = useCallback(async () => {
    const link = url();
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ url: link, ok: true });
    } catch {
      setCopied({ url: link, ok: false });
    }
  }, [url]);
  // `c` presses this button: the same copy, and its answer shown in the same place.
  useShortcuts(
    useMemo(
      () => [{ key: "c", group: "View", description: "Copy the link to this view", run: () => void copy() }],
      [copy],
    ),
  );

  return (
    <div className="copy-link">
      <button type="button" className="button" onClick={copy} aria-keyshortcuts="c" data-testid="copy-link">
        Copy link
      </button>
      {copied ? (
        <>
          <span
            className={`copy-link-status${copied.ok ? "" : " copy-link-status--failed"}`}
            role="status"
            data-testid="copy-link-status"
          >
            {copied.ok ? "Link copied" : "Copy failed — select the link"}
          </span>
          <input
            ref={field}
            className="copy-link-url"
            type="text"
            readOnly
            value={copied.url}
            aria-label={label}
            title={copied.url}
            onFocus={(event) => event.target.select()}
            data-testid="share-link"
          />
        </>
      ) : null}
    </div>
  );
});
