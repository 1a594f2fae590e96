"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { DIFFICULTY_SLICES, type DifficultySlice } from "@/lib/domain/difficulty";

interface ExplorerBackLinkProps {
  slug: string;
  /** The link's text (the experiment's name, cut to one line) and, when cut, the full name. */
  text: string;
  title?: string;
}

/**
 * The way back to the explorer, carrying the scaling page's difficulty (read from its URL, which
 * the page's view keeps current) so the explorer opens on the same problems.
 */
export function ExplorerBackLink({ slug, text, title }: ExplorerBackLinkProps) {
  const difficulty = useSearchParams().get("difficulty");
  const known = DIFFICULTY_SLICES.includes(difficulty as DifficultySlice);
  const query = known ? `?${new URLSearchParams({ difficulty: difficulty as string })}` : "";
  return (
    <Link href={`/experiments/${encodeURIComponent(slug)}${query}`} title={title} data-testid="explorer-link">
      ← {text}
    </Link>
  );
}
