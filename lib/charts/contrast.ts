import { rgb } from "d3";

/** WCAG 2 relative luminance of a CSS colour (0 for black, 1 for white). */
export function relativeLuminance(color: string): number {
  const { r, g, b } = rgb(color);
  const [lr, lg, lb] = [r, g, b].map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

/** WCAG 2 contrast ratio of two CSS colours (1 to 21; text wants 4.5, marks and lines 3). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
