import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExplorerSnapshotData } from "@/lib/contracts/sharing";
import { STATIC_BUNDLE_GLOBAL, type StaticBundleData } from "@/lib/contracts/staticBundle";
import {
  BUNDLE_FILES,
  bundleDataScript,
  bundleIndexHtml,
  staticBundleFiles,
} from "@/lib/responses/staticBundle";

/** A bundle whose pinned bodies carry `payload` (the writer treats them as opaque JSON). */
function bundle(
  name: string,
  payload: unknown = {},
  snapshotId: string | null = "Ab3_x-9Z",
): StaticBundleData {
  return {
    experiment: "sweep",
    snapshotId,
    version: "v-1234567890abcdef",
    pinnedAt: "2026-12-05T21:00:00.000Z",
    title: null,
    view: "alpha=0.5&difficulty=hard",
    data: {
      detail: { name, payload },
      frontier: { version: "v-1234567890abcdef" },
    } as unknown as ExplorerSnapshotData,
  };
}

/** What the browser finds in the global after running data.js. */
function run(script: string): unknown {
  const window: Record<string, unknown> = {};
  runInNewContext(script, { window });
  return window[STATIC_BUNDLE_GLOBAL];
}

describe("bundleDataScript", () => {
  it("sets the global to the bundle, whatever text the data holds", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.jsonValue(), (name, payload) => {
        const data = bundle(name, payload);
        // JSON drops -0 and undefined the same way the server's JSON does.
        expect(run(bundleDataScript(data))).toEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });

  it("keeps a `__proto__` key as data (an object literal would make it the prototype)", () => {
    const data = bundle("", JSON.parse('{"__proto__": {"x": 1}}'));
    const loaded = run(bundleDataScript(data)) as { data: { detail: { payload: object } } };
    expect(Object.keys(loaded.data.detail.payload)).toEqual(["__proto__"]);
    expect(loaded).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it("never holds a `<` that could close a script element if the file were inlined", () => {
    const script = bundleDataScript(bundle("</script><script>alert(1)</script>"));
    expect(script).not.toContain("<");
    expect((run(script) as StaticBundleData).data.detail.name).toBe("</script><script>alert(1)</script>");
  });
});

describe("bundleIndexHtml", () => {
  it("loads the stylesheet, the data and the viewer as classic scripts, in that order, and nothing else", () => {
    const html = bundleIndexHtml(bundle("Coverage sweep"));
    const loads = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((match) => match[1]);
    expect(loads).toEqual([BUNDLE_FILES.css, BUNDLE_FILES.data, BUNDLE_FILES.js]);
    expect(html).not.toContain('type="module"');
    expect(html).toContain("connect-src 'none'");
    expect(html).toContain("<title>Coverage sweep · alphascope static copy</title>");
    expect(html).toContain("snapshot Ab3_x-9Z");
    expect(bundleIndexHtml(bundle("x", {}, null))).toContain("data version v-1234567890abcdef");
  });

  it("escapes the experiment's name and prefers the snapshot's title", () => {
    const html = bundleIndexHtml(bundle(`<b>"A&B"</b>`));
    expect(html).toContain(
      "<title>&#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62; · alphascope static copy</title>",
    );
    expect(bundleIndexHtml({ ...bundle("name"), title: "Weekly 'review'" })).toContain(
      "<title>Weekly &#39;review&#39; · alphascope static copy</title>",
    );
  });
});

describe("staticBundleFiles", () => {
  it("is the page, the data and the viewer as built", () => {
    const files = staticBundleFiles(bundle("Sweep"), { js: "viewer();", css: "body{}" });
    expect(files.map((file) => file.path)).toEqual(["index.html", "data.js", "viewer.js", "viewer.css"]);
    expect(files[2].text).toBe("viewer();");
    expect(files[3].text).toBe("body{}");
  });
});
