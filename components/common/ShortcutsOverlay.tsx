"use client";

import { type KeyboardEvent, useMemo, useRef } from "react";
import { useRegisteredShortcuts, useShortcuts } from "@/components/browser/useShortcuts";
import { keyLabel, type Shortcut } from "@/lib/views/shortcuts";

/** The registered shortcuts by group, groups in the order they first appear. */
function byGroup(shortcuts: readonly Shortcut[]): [string, Shortcut[]][] {
  const groups = new Map<string, Shortcut[]>();
  for (const shortcut of shortcuts)
    groups.set(shortcut.group, [...(groups.get(shortcut.group) ?? []), shortcut]);
  return [...groups];
}

const FOCUSABLE = "button, [href], input, select, textarea, [tabindex]:not([tabindex='-1'])";

/**
 * Tab and Shift+Tab cycle through the dialog's own controls. A modal dialog makes the page inert,
 * but Chromium still lets Tab leave for the browser's toolbar and back to the document's start.
 */
function trapFocus(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== "Tab") return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  if (focusable.length === 0) return;
  const at = focusable.indexOf(document.activeElement as HTMLElement);
  const next = (at + (event.shiftKey ? -1 : 1) + focusable.length) % focusable.length;
  event.preventDefault();
  focusable[at === -1 ? 0 : next].focus();
}

/**
 * `?` opens a list of every keyboard shortcut the page has registered. A native modal dialog: the
 * page behind it is inert, focus stays in the dialog, Esc closes it, and focus returns to where it
 * was.
 */
export function ShortcutsOverlay() {
  const dialog = useRef<HTMLDialogElement>(null);
  const shortcuts = useRegisteredShortcuts();
  useShortcuts(
    useMemo(
      () => [
        {
          key: "?",
          group: "Help",
          description: "Show these keyboard shortcuts",
          run: () => dialog.current?.showModal(),
        },
      ],
      [],
    ),
  );

  return (
    <dialog
      ref={dialog}
      className="shortcuts-overlay"
      aria-labelledby="shortcuts-title"
      onKeyDown={trapFocus}
      data-testid="shortcuts-overlay"
    >
      <div className="shortcuts-overlay-head">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <button type="button" className="button button--small" onClick={() => dialog.current?.close()}>
          Close
        </button>
      </div>
      <p className="muted">Keys do nothing while you type in a field. Esc closes this list.</p>
      {byGroup(shortcuts).map(([group, members]) => (
        <section key={group} aria-label={group}>
          <h3>{group}</h3>
          <dl className="shortcuts-list">
            {members.map((shortcut) => (
              <div key={shortcut.key}>
                <dt>
                  <kbd>{keyLabel(shortcut.key)}</kbd>
                </dt>
                <dd>{shortcut.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
