import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EXPERIMENT_SLUG } from "../../lib/demo/experiment";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

let session: BrowserSession;
const page = () => session.page;
const errors: string[] = [];

const PAGES = [
  { name: "explorer", path: `/experiments/${DEMO_EXPERIMENT_SLUG}?alpha=1`, expected: "?alpha=1&x=" },
  {
    name: "scaling page",
    path: `/experiments/${DEMO_EXPERIMENT_SLUG}/scaling?members=0%2C1.5`,
    expected: "/scaling?members=0%2C1.5&budget=",
  },
];

/** Opens a page and waits until React has hydrated it (the copy button then has its handler). */
async function open(target: Page, path: string) {
  await target.goto(`${baseUrl()}${path}`);
  await target.waitForFunction(() =>
    Object.keys(document.querySelector('[data-testid="copy-link"]') ?? {}).some((key) =>
      key.startsWith("__reactProps"),
    ),
  );
}

beforeAll(async () => {
  session = await openBrowser();
  // A browser whose clipboard refuses, as on a page not served over HTTPS or with the permission denied.
  await session.context.addInitScript(() => {
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: () => Promise.reject(new DOMException("denied", "NotAllowedError")) },
    });
  });
  page().on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page().on("pageerror", (error) => errors.push(error.message));
});

afterAll(async () => {
  await session.close();
});

describe("the copy-link button of both pages", () => {
  for (const { name, path, expected } of PAGES) {
    it(`on the ${name}: renders the same on server and client, and a refused copy shows the link selected`, async () => {
      errors.length = 0;
      await open(page(), path);
      expect(await page().getByTestId("copy-link-url").count()).toBe(0);
      await page().getByTestId("copy-link").click();
      expect(await page().getByTestId("copy-link-status").textContent()).toBe(
        "Copy failed — select the link",
      );
      const field = page().getByTestId("copy-link-url");
      const link = await field.inputValue();
      expect(link.startsWith(`${baseUrl()}/experiments/${DEMO_EXPERIMENT_SLUG}`)).toBe(true);
      expect(link).toContain(expected);
      // The link is focused and selected, ready for a manual copy.
      expect(
        await field.evaluate(
          (input: HTMLInputElement) =>
            document.activeElement === input &&
            input.selectionStart === 0 &&
            input.selectionEnd === input.value.length,
        ),
      ).toBe(true);
      expect(errors.filter((text) => /hydrat/i.test(text))).toEqual([]);
    });
  }
});
