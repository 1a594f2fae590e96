import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ExperimentDetail } from "../../lib/contracts/types";
import { lcbBytes, lcbFileName } from "../support/lcbFixture";
import { type BrowserSession, baseUrl, openBrowser, seriousViolations } from "./browser";

// The upload takes the file's bytes under its original name: no decompressed copy on disk needed.
const LCB = {
  name: lcbFileName("eval_all.json"),
  mimeType: "application/json",
  buffer: lcbBytes("eval_all.json"),
};
const SWEEP = ["sweep.yaml", "alpha0.jsonl", "alpha1.jsonl", "alpha2.jsonl"].map((name) =>
  fileURLToPath(new URL(`../fixtures/importer/sweep/${name}`, import.meta.url)),
);
const BAD = fileURLToPath(new URL("../fixtures/importer/bad-sweep/alpha2-bad.jsonl", import.meta.url));

let session: BrowserSession;
const page = () => session.page;

async function openImportPage(target: Page): Promise<void> {
  await target.goto(`${baseUrl()}/import`);
  await target.getByRole("heading", { name: "Import evaluation results" }).waitFor();
}

async function newExperiment(target: Page, slug: string, name: string): Promise<void> {
  await target.getByLabel("Import into").selectOption("");
  await target.getByLabel("Slug").fill(slug);
  await target.getByLabel("Name", { exact: true }).fill(name);
}

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session.close();
});

describe("the upload page", () => {
  it("previews the LiveCodeBench run, then imports it and links to the experiment", async () => {
    await openImportPage(page());
    await page()
      .getByLabel(/choose files/)
      .setInputFiles(LCB);
    await newExperiment(page(), "e2e-qwen3-lcb", "Qwen3-8B (e2e)");
    await page().getByLabel("α", { exact: true }).fill("0.25");
    // Every text the progress status shows, recorded as it changes (it is gone once the report is in).
    await page().evaluate(() => {
      const seen: string[] = [];
      Object.assign(window, { progressTexts: seen });
      new MutationObserver(() => {
        const text = document.querySelector("form [role=status]")?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page().getByRole("button", { name: "Preview import" }).click();

    const report = page().getByRole("region", { name: /Preview: what importing into new experiment/ });
    await report.waitFor();
    // The server's own progress while it read the 3.9 MB file, as the page showed it.
    const progressTexts = await page().evaluate(
      () => (window as unknown as { progressTexts: string[] }).progressTexts,
    );
    expect(progressTexts).toContainEqual(
      expect.stringMatching(
        /^Validating Scenario\.codegeneration_1_0\.2_eval_all\.json: [\d.]+ (kB|MB) of 3\.9 MB \(\d+%\)/,
      ),
    );
    expect(await report.getByTestId("format").textContent()).toBe("LiveCodeBench _eval_all.json");
    const row = report.getByRole("row", { name: /0\.25 \(new\)/ });
    expect((await row.textContent())?.replace(/\s+/g, " ")).toContain(
      "0.25 (new)10551055305527821410028.9%would add 1055",
    );
    expect(await report.textContent()).toContain("easy 322 (62.7%) · medium 383 (23.8%) · hard 350 (3.4%)");
    // The preview wrote nothing.
    expect((await fetch(`${baseUrl()}/api/experiments/e2e-qwen3-lcb`)).status).toBe(404);

    await page().getByRole("button", { name: "Import 1,055 results" }).click();
    await page()
      .getByRole("region", { name: /Imported into new experiment/ })
      .waitFor();
    const detail = (await (
      await fetch(`${baseUrl()}/api/experiments/e2e-qwen3-lcb`)
    ).json()) as ExperimentDetail;
    expect(detail.name).toBe("Qwen3-8B (e2e)");
    expect(detail.checkpoints.map((c) => [c.alpha, c.samples])).toEqual([[0.25, 1055]]);

    await page().getByRole("link", { name: "Open Qwen3-8B (e2e)" }).click();
    await page().waitForURL(/\/experiments\/e2e-qwen3-lcb$/);
  });

  it("imports a manifest dropped together with its files", async () => {
    await openImportPage(page());
    await page()
      .getByLabel(/choose files/)
      .setInputFiles(SWEEP);
    expect(await page().getByText("A manifest names the experiment").count()).toBe(1);
    expect(await page().getByLabel("α", { exact: true }).count()).toBe(0);
    await page().getByRole("button", { name: "Preview import" }).click();
    await page()
      .getByRole("region", { name: /Preview: .*“good-sweep”/ })
      .waitFor();
    await page().getByRole("button", { name: "Import 6 results" }).click();
    await page()
      .getByRole("region", { name: /Imported into new experiment “good-sweep”/ })
      .waitFor();
  });

  it("shows a bad file's errors inline with file, line and field", async () => {
    await openImportPage(page());
    await page()
      .getByLabel(/choose files/)
      .setInputFiles(BAD);
    await newExperiment(page(), "e2e-bad", "Bad");
    await page().getByLabel("α", { exact: true }).fill("1");
    await page().getByRole("button", { name: "Preview import" }).click();
    const alert = page().getByRole("alert", { name: "Nothing was imported" });
    await alert.waitFor();
    const cells = await alert.getByRole("row").nth(1).getByRole("cell").allTextContents();
    expect(cells).toEqual(["alpha2-bad.jsonl", "1", "n", "verdict counts sum to 3 but n is 4"]);
  });

  it("has no serious accessibility violations and works from the keyboard", async () => {
    await openImportPage(page());
    expect(await seriousViolations(page())).toEqual([]);
    await page()
      .getByLabel(/choose files/)
      .focus();
    await page().keyboard.press("Tab");
    expect(
      await page().evaluate(
        () => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName,
      ),
    ).toBe("SELECT");
  });
});
