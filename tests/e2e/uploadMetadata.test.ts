import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

const FILE = (alpha: number) =>
  fileURLToPath(new URL(`../fixtures/importer/sweep/alpha${alpha}.jsonl`, import.meta.url));
const SLUG = "e2e-labels";

let session: BrowserSession;
const page = () => session.page;

async function openImportPage(target: Page): Promise<void> {
  await target.goto(`${baseUrl()}/import`);
  await target.getByRole("heading", { name: "Import evaluation results" }).waitFor();
  await target.waitForFunction(() =>
    Object.keys(document.querySelector("select") ?? {}).some((key) => key.startsWith("__reactProps")),
  );
}

/** Picks a file, the experiment (new when `name` is given) and α, and asks for a preview. */
async function preview(alpha: number, file: number, name?: string): Promise<void> {
  await openImportPage(page());
  await page()
    .getByLabel(/choose files/)
    .setInputFiles(FILE(file));
  if (name) {
    await page().getByLabel("Slug").fill(SLUG);
    await page().getByLabel("Name", { exact: true }).fill(name);
  } else await page().getByLabel("Import into").selectOption(SLUG);
  await page().getByLabel("α", { exact: true }).fill(String(alpha));
  await page().getByRole("button", { name: "Preview import" }).click();
}

async function importPreviewed(): Promise<void> {
  await page()
    .getByRole("button", { name: /^Import \d+ results$/ })
    .click();
  await page()
    .getByRole("region", { name: /Imported into/ })
    .waitFor();
}

async function failure(): Promise<string> {
  const alert = page().getByRole("alert", { name: "Nothing was imported" });
  await alert.waitFor();
  return (await alert.textContent()) ?? "";
}

async function endpointLabels(): Promise<string[]> {
  await page().goto(`${baseUrl()}/experiments/${SLUG}`);
  await page().locator('.explorer[data-hydrated="true"]').waitFor();
  return page().locator(".frontier-endpoint-label").allTextContents();
}

beforeAll(async () => {
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
});

describe("metadata on the upload page", () => {
  it("sets the endpoint labels of a new experiment: the plot reads them, not “A · A”", async () => {
    await preview(0, 0, "Labelled sweep");
    await page().getByLabel("Benchmark").fill("custom");
    await page().getByLabel("Setting").selectOption("tool-use");
    await page().getByLabel("A label (α = 0)").fill("low coverage RL");
    await page().getByLabel("B label (α = 1)").fill("high coverage RL");
    await page().getByLabel("B model").fill("org/high-coverage");
    await page().getByRole("button", { name: "Preview import" }).click();
    await importPreviewed();
    await preview(1, 1);
    await importPreviewed();
    expect(await endpointLabels()).toEqual(["A · low coverage RL", "B · high coverage RL"]);
    const detail = (await (await fetch(`${baseUrl()}/api/experiments/${SLUG}`)).json()) as {
      setting: string;
      endpoints: { b: { model: string } };
    };
    expect(detail.setting).toBe("tool-use");
    expect(detail.endpoints.b.model).toBe("org/high-coverage");
  });

  it("names the replace checkbox, not the CLI flag, when results conflict", async () => {
    await preview(0, 2);
    const text = await failure();
    expect(text).toContain("tick “Replace stored results that differ” to overwrite them");
    expect(text).not.toContain("--replace");
  });

  it("refuses the same file at a second α until the confirm box is ticked", async () => {
    await preview(0.5, 0);
    expect(await failure()).toContain("Import even if identical to another α");
    await page().getByLabel("Import even if identical to another α").check();
    await page().getByRole("button", { name: "Preview import" }).click();
    await page()
      .getByRole("button", { name: /^Import \d+ results$/ })
      .waitFor();
  });

  it("edits the labels later from the same page", async () => {
    await openImportPage(page());
    await page().getByLabel("Import into").selectOption(SLUG);
    const label = page().getByLabel("B label (α = 1)");
    await label.waitFor();
    expect(await label.inputValue()).toBe("high coverage RL");
    await label.fill("full coverage RL");
    await page().getByTestId("save-metadata").click();
    await page().getByTestId("metadata-saved").waitFor();
    expect(await endpointLabels()).toEqual(["A · low coverage RL", "B · full coverage RL"]);
  });
});
