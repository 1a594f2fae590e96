/** Tells the user which URL values were ignored and what is shown instead. */
export function ViewNotices({ notices, onDismiss }: { notices: string[]; onDismiss: () => void }) {
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="status" data-testid="view-notices">
      <div>
        <strong>Some link settings could not be applied.</strong>
        <ul>
          {notices.map((notice) => (
            <li key={notice}>{notice}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--small" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
