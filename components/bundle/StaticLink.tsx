/**
 * next/link in a static bundle's viewer (scripts/build-viewer.ts puts it in next/link's place): the
 * copy has no other pages, so a link to one of the server's is left out. (The paragraphs that hold
 * only such links are hidden by the viewer's stylesheet.)
 */
export default function StaticLink(_props: { href: string }) {
  return null;
}
