interface PresentationButtonProps {
  present: boolean;
  onEnter: () => void;
  onLeave: () => void;
}

/** Enters presentation mode, or leaves it; the keys (f, Esc) are named so they are learned. */
export function PresentationButton({ present, onEnter, onLeave }: PresentationButtonProps) {
  return (
    <button
      type="button"
      className="button"
      onClick={present ? onLeave : onEnter}
      aria-keyshortcuts={present ? "Escape" : "f"}
      data-testid="presentation-button"
    >
      {present ? "Leave presentation (Esc)" : "Present (f)"}
    </button>
  );
}
