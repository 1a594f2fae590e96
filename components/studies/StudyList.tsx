import Link from "next/link";
import { LongText } from "@/components/common/LongText";
import type { StudyListItem } from "@/lib/contracts/studies";

/** The studies on the home page, above the experiments: each links to its grid and filters the list to it. */
export function StudyList({ studies }: { studies: readonly StudyListItem[] }) {
  if (studies.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="studies-heading" data-testid="study-list">
      <h2 id="studies-heading">Studies</h2>
      <ul>
        {studies.map((study) => (
          <li key={study.slug}>
            <Link href={`/studies/${encodeURIComponent(study.slug)}`}>
              <LongText text={study.name} />
            </Link>{" "}
            <Link
              className="muted"
              href={`/?study=${encodeURIComponent(study.slug)}`}
              title="List these experiments below"
            >
              {study.experiments} experiment{study.experiments === 1 ? "" : "s"}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
