import Link from "next/link";

/** The small "Glossary" link beside a chart or table, pointing at the entry of what it shows. */
export function GlossaryLink({ anchor, what }: { anchor: string; what: string }) {
  return (
    <Link className="glossary-link" href={`/glossary#${anchor}`}>
      Glossary<span className="visually-hidden">: {what}</span>
    </Link>
  );
}
