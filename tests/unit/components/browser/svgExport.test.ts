import { describe, expect, it } from "vitest";
import { exportFileName } from "@/components/browser/download";
import { escapeXml, framedSize, framedSvg } from "@/components/browser/svgExport";

const text = {
  title: 'Frontier: <A & "B">',
  footnote: "Sweep · data version v1 · 1 Dec 2026, 10:00 UTC · alphascope",
  fontFamily: 'system-ui, "Segoe UI"',
  color: "rgb(20, 23, 28)",
  background: "#ffffff",
};

describe("a chart framed for export", () => {
  it("puts the chart between its title and its footnote, on the page's background, with room for both", () => {
    const svg = framedSvg('<svg width="600" height="400"></svg>', 600, 400, text);
    const { width, height } = framedSize(600, 400);
    expect(
      svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"`),
    ).toBe(true);
    expect(height).toBeGreaterThan(400);
    const title = svg.indexOf("Frontier: &lt;A &amp; &quot;B&quot;&gt;");
    const chart = svg.indexOf('<svg width="600"');
    const footnote = svg.indexOf(text.footnote);
    expect(title).toBeGreaterThan(0);
    expect(chart).toBeGreaterThan(title);
    expect(footnote).toBeGreaterThan(chart);
    expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
    expect(svg).toContain("font-family:system-ui, &quot;Segoe UI&quot;");
    expect(svg.endsWith("</svg>")).toBe(true);
  });

  it("escapes the characters XML reserves", () => {
    expect(escapeXml(`a<b>&"c"`)).toBe("a&lt;b&gt;&amp;&quot;c&quot;");
  });
});

describe("export file names", () => {
  it("join the parts with dashes, keep only characters safe on every file system", () => {
    expect(exportFileName(["demo-sweep", "frontier", "hard"], "png")).toBe("demo-sweep-frontier-hard.png");
    expect(exportFileName(["a b/c", "", "α=1.5"], "csv")).toBe("a-b-c-1.5.csv");
    expect(exportFileName([], "svg")).toBe("alphascope.svg");
  });
});
