import { THEME_BOOT_SCRIPT } from "@/components/browser/theme";
import { paletteCss } from "@/lib/charts/palette";

const PALETTE_CSS = paletteCss();

/**
 * What every page's <head> needs before its body is painted: the palette's colour variables and
 * the script that applies the reader's stored theme. Both inline, so both carry the response's CSP
 * nonce (proxy.ts).
 */
export function ThemeHead({ nonce }: { nonce: string | undefined }) {
  return (
    <>
      <style nonce={nonce}>{PALETTE_CSS}</style>
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of ours, no user input; a script's text child would be HTML-escaped. */}
      <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
    </>
  );
}
