/**
 * The small "Glossary" link beside a chart or table, pointing at the entry of what it shows: a
 * document load, not a client-side push, so the entry becomes the :target and is highlighted.
 */
export function GlossaryLink({ anchor, what }: { anchor: string; what: string }) {
  return (
    <a className="glossary-link" href={`/glossary#${anchor}`}>
      Glossary<span className="visually-hidden">: {what}</span>
    </a>
  );
}
