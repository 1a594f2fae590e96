"use client";

import { memo, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useShortcuts } from "@/components/browser/useShortcuts";

interface CopyLinkButtonProps {
  /**
   * Builds the link when the button is pressed (the view may have changed since the last render);
   * a promise when the link has to be made first (a snapshot's short link), rejected with the reason.
   */
  url: () => string | Promise<string>;
  /** Accessible name of the field that shows the link. */
  label?: string;
  /** The button's text. */
  text?: string;
  /** The key that presses the button (listed in the `?` overlay); null for none. */
  shortcut?: string | null;
  /** Test id of the button; its status and link field get `-status` and `-url` after it. */
  testId?: string;
}

type Outcome = { url: string; ok: boolean } | { url: null; error: string };

/**
 * Copies a link. Nothing depends on the URL until the button is pressed, so the server and the
 * browser render the same markup. The link is then shown in a read-only field: where the clipboard
 * refuses (a page not served over HTTPS, a denied permission) the button says so and the field is
 * focused with the link selected, ready to copy by hand. When the link cannot be made, the reason
 * is shown instead.
 */
export const CopyLinkButton = memo(function CopyLinkButton({
  url,
  label = "Link to this view",
  text = "Copy link",
  testId = "copy-link",
  shortcut = "c",
}: CopyLinkButtonProps) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  // After a failed copy, put the selected link under the user's fingers (every attempt is a new object).
  useEffect(() => {
    if (outcome?.url && !outcome.ok) field.current?.focus();
  }, [outcome]);

  const copy = useCallback(async () => {
    let link: string;
    setBusy(true);
    try {
      link = await url();
    } catch (error) {
      setOutcome({ url: null, error: error instanceof Error ? error.message : String(error) });
      return;
    } finally {
      setBusy(false);
    }
    try {
      await navigator.clipboard.writeText(link);
      setOutcome({ url: link, ok: true });
    } catch {
      setOutcome({ url: link, ok: false });
    }
  }, [url]);
  // The shortcut presses this button: the same copy, and its answer shown in the same place.
  useShortcuts(
    useMemo(
      () =>
        shortcut === null
          ? []
          : [
              {
                key: shortcut,
                group: "View",
                description: "Copy the link to this view",
                run: () => void copy(),
              },
            ],
      [copy, shortcut],
    ),
  );

  const failed = outcome !== null && (outcome.url === null || !outcome.ok);
  return (
    <div className="copy-link">
      <button
        type="button"
        className="button"
        onClick={copy}
        disabled={busy}
        aria-keyshortcuts={shortcut ?? undefined}
        data-testid={testId}
      >
        {text}
      </button>
      {outcome ? (
        <span
          className={`copy-link-status${failed ? " copy-link-status--failed" : ""}`}
          role="status"
          data-testid={`${testId}-status`}
        >
          {outcome.url === null
            ? outcome.error
            : outcome.ok
              ? "Link copied"
              : "Copy failed — select the link"}
        </span>
      ) : null}
      {outcome?.url ? (
        <input
          ref={field}
          className="copy-link-url"
          type="text"
          readOnly
          value={outcome.url}
          aria-label={label}
          title={outcome.url}
          onFocus={(event) => event.target.select()}
          data-testid={`${testId}-url`}
        />
      ) : null}
    </div>
  );
});
