import type { ConsoleMessage, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THUMBNAIL_HEIGHT, THUMBNAIL_WIDTH } from "../../components/experiments/FrontierThumbnail";
import { layoutThumbnail } from "../../lib/charts/thumbnailLayout";
import type { ExperimentPage } from "../../lib/contracts/experimentListQuery";
import type { FrontierData } from "../../lib/contracts/types";
import { DEMO_EXPERIMENT_SLUG, DEMO_STUDY } from "../../lib/demo/experiment";
import { formatAlpha } from "../../lib/domain/alpha";
import type { Setting } from "../../lib/domain/setting";
import { EXPERIMENT_PAGE_SIZE } from "../../lib/views/experimentListView";
import { bestSolveRateText, thumbnailPointTitle } from "../../lib/views/thumbnailText";
import { type BrowserSession, baseUrl, openBrowser } from "./browser";

/*
 * The home page at scale: more experiments of one benchmark than a page holds, imported through
 * the API, then searched, filtered, sorted and paged in Chromium, each answer checked against the
 * API's. Every seeded experiment has this benchmark, so other test files' imports do not count.
 */
const BENCHMARK = "e2e-home-bench";
const COUNT = EXPERIMENT_PAGE_SIZE + 3;
const SETTINGS: Setting[] = ["pure-reasoning", "tool-use", "agentic"];
const SCALES = ["7B", "32B"];
const FAMILIES = ["qwen", "llama", "mistral"];
const NEEDLE = "org/needle-reasoner";
const ALPHAS = [-0.5, 0, 0.5, 1, 1.5];

const slugOf = (i: number) => `e2e-home-${String(i).padStart(2, "0")}`;

/** A five-checkpoint native sweep of four problems; its counts vary with `i`, so every frontier differs. */
function sweep(i: number) {
  const rows = (step: number) =>
    ["easy", "medium", "hard", "hard"]
      .map((difficulty, p) => {
        const pass = (i + p * 3 + step * (p + 1)) % 7;
        const timeLimit = (i + step + p) % (8 - pass);
        return JSON.stringify({
          problem: `home-p${p}`,
          difficulty,
          n: 8,
          pass,
          timeLimit,
          wrongAnswer: 8 - pass - timeLimit,
        });
      })
      .join("\n");
  const manifest = {
    slug: slugOf(i),
    name: `Home sweep ${String(COUNT - i).padStart(2, "0")}`,
    benchmark: BENCHMARK,
    setting: SETTINGS[i % 3],
    modelScale: SCALES[i % 2],
    modelFamily: FAMILIES[i % 3],
    endpoints: {
      a: { label: "A", model: "org/base" },
      b: { label: "B", model: i === 7 ? NEEDLE : "org/tuned" },
    },
    checkpoints: ALPHAS.map((alpha) => ({ alpha, file: `a${alpha}.jsonl` })),
  };
  return [
    { name: "sweep.yaml", content: JSON.stringify(manifest) },
    ...ALPHAS.map((alpha, step) => ({ name: `a${alpha}.jsonl`, content: `${rows(step)}\n` })),
  ];
}

async function api(query: string): Promise<ExperimentPage> {
  const response = await fetch(`${baseUrl()}/api/experiments?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as ExperimentPage;
}

let session: BrowserSession;
const page = () => session.page;

/** The rows in the DOM, as [aria-rowindex, slug]: only those in (and near) the window are rendered. */
const renderedRows = (target: Page) =>
  target
    .getByTestId("experiment-row")
    .evaluateAll((rows) =>
      rows.map((row) => [row.getAttribute("aria-rowindex"), row.getAttribute("data-slug")]),
    );

/** Scrolls the window by `dy` and waits two frames: the rows for the new window are rendered by then. */
const scrollAndSettle = (target: Page, dy: number | "top" | "bottom") =>
  target.evaluate(
    (by) =>
      new Promise<void>((resolve) => {
        if (by === "top") window.scrollTo(0, 0);
        else if (by === "bottom") window.scrollTo(0, document.documentElement.scrollHeight);
        else window.scrollBy(0, by);
        requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
      }),
    dy,
  );

/** Every row's slug of the page shown, in order, read by scrolling the window through the list. */
async function rowSlugs(target: Page): Promise<string[]> {
  const count = Number(await target.getByTestId("experiment-table").getAttribute("aria-rowcount")) - 1;
  const slugs = new Map<number, string>();
  await scrollAndSettle(target, "top");
  for (let step = 0; step < 4 * count && slugs.size < count; step++) {
    for (const [rowIndex, slug] of await renderedRows(target)) slugs.set(Number(rowIndex), String(slug));
    await scrollAndSettle(target, 300);
  }
  await scrollAndSettle(target, "top");
  return Array.from({ length: count }, (_, i) => slugs.get(i + 2) ?? "(never rendered)");
}

/** What is under the middle of the window: a row's aria-rowindex, a spacer (a row not rendered), or neither. */
const atMiddle = (target: Page) =>
  target.evaluate(() => {
    const row = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2)?.closest("tr");
    if (!row?.closest("[data-testid=experiment-table] tbody")) return "outside the rows";
    return row.getAttribute("aria-rowindex") ?? "a spacer";
  });
/** How many rendered rows lie wholly above the window's top edge. */
const rowsAboveWindow = (target: Page) =>
  target
    .getByTestId("experiment-row")
    .evaluateAll((rows) => rows.filter((row) => row.getBoundingClientRect().bottom <= 0).length);
const range = (target: Page) => target.getByTestId("page-range").textContent();

/** Waits until the list shows `text` as its range (the answer to the last change has arrived). */
async function showsRange(text: string) {
  await expect.poll(() => range(page())).toBe(text);
  await page().locator('[data-testid="experiment-table"]:not([aria-busy])').waitFor();
}

/** Waits (under a generous hang guard) until the worker stored every listed version's thumbnail. */
async function thumbnailsStored(): Promise<void> {
  for (let attempt = 0; attempt < 2400; attempt++) {
    const pages = [await api(`benchmark=${BENCHMARK}&limit=200`), await api("limit=200")];
    if (pages.every((p) => p.items.every((item) => item.thumbnail !== null))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the statistics worker did not store the thumbnails");
}

/** Waits until the row's thumbnail has its point titles (the browser adds them once hydrated). */
async function titlesShown(row: Locator): Promise<void> {
  await row.locator("[data-testid=frontier-thumbnail] title").first().waitFor({ state: "attached" });
}

beforeAll(async () => {
  for (let i = 0; i < COUNT; i++) {
    const response = await fetch(`${baseUrl()}/api/imports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ files: sweep(i) }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
  await thumbnailsStored();
  session = await openBrowser({ width: 1280 });
});

afterAll(async () => {
  await session?.close();
});

describe("the home page at scale", () => {
  it("renders the first page on the server, never the whole list", async () => {
    const html = await (await fetch(`${baseUrl()}/?benchmark=${BENCHMARK}`)).text();
    // About a screen of the page's 50 rows, in order and numbered for assistive technology; a spacer
    // row stands in for the rest until the browser scrolls to them.
    const first = await api(`benchmark=${BENCHMARK}&limit=50`);
    const rows = [
      ...html.matchAll(/aria-rowindex="(\d+)" data-testid="experiment-row" data-slug="([^"]+)"/g),
    ];
    expect(rows.length).toBeGreaterThanOrEqual(12);
    expect(rows.length).toBeLessThan(EXPERIMENT_PAGE_SIZE / 2);
    expect(rows.map(([, rowIndex, slug]) => [Number(rowIndex), slug])).toEqual(
      rows.map((_, i) => [i + 2, first.items[i].slug]),
    );
    expect(html).toContain(`aria-rowcount="${EXPERIMENT_PAGE_SIZE + 1}"`);
    expect(html).toContain(`1–${EXPERIMENT_PAGE_SIZE} of ${COUNT}`);
    // Issue #24's page weight: the first rows with their thumbnails, and the packed page of 50 to
    // hydrate from, in at most 150 KB (`npm run bench:list` measures it with 10 000 experiments). The
    // thumbnails' point titles come with hydration.
    expect(html.match(/data-testid="frontier-thumbnail"/g)).toHaveLength(rows.length);
    expect(html).not.toMatch(/<title>α/);
    expect(Buffer.byteLength(html)).toBeLessThanOrEqual(150 * 1024);
  });

  it("renders only the rows near the window of a 50-row page, and the others as the page scrolls", async () => {
    const errors: string[] = [];
    const onConsole = (message: ConsoleMessage) => {
      if (message.type() === "error") errors.push(message.text());
    };
    const onError = (error: Error) => errors.push(error.message);
    page().on("console", onConsole);
    page().on("pageerror", onError);
    expect(page().viewportSize()).toEqual({ width: 1280, height: 800 });
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    const first = await api(`benchmark=${BENCHMARK}&limit=50`);
    await titlesShown(page().getByTestId("experiment-row").first());
    expect(await page().getByTestId("experiment-table").getAttribute("aria-rowcount")).toBe("51");
    const atTop = await renderedRows(page());
    expect(atTop.length).toBeLessThan(EXPERIMENT_PAGE_SIZE);
    expect(atTop).toEqual(atTop.map((_, i) => [String(i + 2), first.items[i].slug]));
    // The spacer standing in for the rest is no row to assistive technology: the header and these.
    const table = page().getByTestId("experiment-table");
    expect(await table.getByRole("row").count()).toBe(atTop.length + 1);

    // Halfway and at the bottom, the rows rendered are the page's at their places, the one in the
    // middle of the window among them (the list's offset in the page is right).
    await scrollAndSettle(page(), 1200);
    expect(await atMiddle(page())).toMatch(/^\d+$/);
    await scrollAndSettle(page(), "bottom");
    await expect.poll(async () => (await renderedRows(page())).at(-1)).toEqual(["51", first.items[49].slug]);
    const atBottom = await renderedRows(page());
    expect(atBottom.length).toBeLessThan(EXPERIMENT_PAGE_SIZE);
    const from = Number(atBottom[0][0]);
    expect(from).toBeGreaterThan(2);
    expect(atBottom).toEqual(atBottom.map((_, i) => [String(from + i), first.items[from + i - 2].slug]));
    expect(await table.getByRole("row").count()).toBe(atBottom.length + 1);
    const last = await page()
      .locator(`[data-testid=experiment-row][data-slug="${first.items[49].slug}"]`)
      .boundingBox();
    expect(last && last.y >= 0 && last.y + last.height <= 800).toBe(true);

    // A reload scrolled halfway down hydrates the server's rows without a mismatch, lands where the
    // reader was and renders the rows there (the same row in the middle of the window), twice over.
    await scrollAndSettle(page(), "top");
    await scrollAndSettle(page(), 1500);
    const middle = await atMiddle(page());
    expect(middle).toMatch(/^\d+$/);
    for (let reload = 0; reload < 2; reload++) {
      await page().reload();
      await showsRange(`1–50 of ${COUNT}`);
      await titlesShown(page().getByTestId("experiment-row").first());
      await expect.poll(() => atMiddle(page())).toBe(middle);
      expect(await page().evaluate(() => window.scrollY)).toBe(1500);
    }
    await scrollAndSettle(page(), 1000);
    expect(await atMiddle(page())).toMatch(/^\d+$/);
    page().off("console", onConsole);
    page().off("pageerror", onError);
    expect(errors).toEqual([]);
  });

  it("moves through every row of the page with Tab, each focused row scrolled into view", async () => {
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    const first = await api(`benchmark=${BENCHMARK}&limit=50`);
    await titlesShown(page().getByTestId("experiment-row").first());
    await page().locator(`[data-testid=compare-select][value="${first.items[0].slug}"]`).focus();
    const lastSlug = first.items[49].slug;
    const reached: number[] = [];
    for (let presses = 0; presses < 200; presses++) {
      // Read after a frame, as a person pressing Tab would see it.
      const focused = await page().evaluate(
        () =>
          new Promise<{ row: number | null; inView: boolean; checkbox: string | null }>((resolve) =>
            requestAnimationFrame(() => {
              const active = document.activeElement;
              const row = active?.closest("[data-testid=experiment-row]");
              const box = active?.getBoundingClientRect();
              resolve({
                row: row ? Number(row.getAttribute("aria-rowindex")) : null,
                inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
                checkbox:
                  active?.getAttribute("data-testid") === "compare-select"
                    ? active.getAttribute("value")
                    : null,
              });
            }),
          ),
      );
      if (focused.row === null) break;
      expect(focused.inView, `row ${focused.row}'s focused control is in view`).toBe(true);
      if (reached.at(-1) !== focused.row) reached.push(focused.row);
      if (focused.checkbox === lastSlug) break;
      await page().keyboard.press("Tab");
    }
    expect(reached).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
    expect(await page().evaluate(() => document.activeElement?.getAttribute("value"))).toBe(lastSlug);
  });

  it("keeps the rendered rows on the window when a notice above the list goes away", async () => {
    // Eight ignored link values, four of them long: a notice taller than the overscan above the list.
    const long = "x".repeat(400);
    await page().goto(
      `${baseUrl()}/?benchmark=${BENCHMARK}&sort=bogus&order=bogus&setting=bogus&synthetic=bogus&q=${long}&scale=${long}&family=${long}&study=${long}`,
    );
    await page().getByTestId("view-notices").waitFor();
    await showsRange(`1–50 of ${COUNT}`);
    await titlesShown(page().getByTestId("experiment-row").first());
    expect((await page().getByTestId("view-notices").boundingBox())?.height).toBeGreaterThan(6 * 59);
    await scrollAndSettle(page(), 1400);
    // The overscan (5 rows) is rendered above the window's top edge when the list's offset in the
    // page is right; one off by the notice's height would render 6 rows fewer or more.
    expect(await rowsAboveWindow(page())).toBeGreaterThanOrEqual(4);
    expect(await rowsAboveWindow(page())).toBeLessThanOrEqual(6);
    // Dismissed without scrolling to its button.
    await page().evaluate(() =>
      document.querySelector<HTMLButtonElement>("[data-testid=view-notices] button")?.click(),
    );
    await page().getByTestId("view-notices").waitFor({ state: "detached" });
    await expect.poll(() => rowsAboveWindow(page())).toSatisfy((rows: number) => rows >= 4 && rows <= 6);
    expect(await atMiddle(page())).toMatch(/^\d+$/);
  });

  it("pages with next and previous, each page the API's, and Back returns to the page before", async () => {
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    const first = await api(`benchmark=${BENCHMARK}&limit=50`);
    expect(await rowSlugs(page())).toEqual(first.items.map((item) => item.slug));
    expect(await page().getByTestId("page-previous").isDisabled()).toBe(true);

    await page().getByTestId("page-next").click();
    await showsRange(`51–${COUNT} of ${COUNT}`);
    expect(new URL(page().url()).searchParams.get("cursor")).toBe(first.nextCursor);
    const second = await api(`benchmark=${BENCHMARK}&limit=50&cursor=${first.nextCursor}`);
    expect(await rowSlugs(page())).toEqual(second.items.map((item) => item.slug));
    expect(await page().getByTestId("page-next").isDisabled()).toBe(true);

    await page().getByTestId("page-previous").click();
    await showsRange(`1–50 of ${COUNT}`);
    // A new page renders the rows in view, not all 50.
    expect((await renderedRows(page())).length).toBeLessThan(EXPERIMENT_PAGE_SIZE);
    expect(await rowSlugs(page())).toEqual(first.items.map((item) => item.slug));
    await page().goBack();
    await showsRange(`51–${COUNT} of ${COUNT}`);
    // The URL alone reopens the page: the server renders the second page from the cursor.
    await page().reload();
    await showsRange(`51–${COUNT} of ${COUNT}`);
    expect(await rowSlugs(page())).toEqual(second.items.map((item) => item.slug));
  });

  it("sorts by a column from its header, with aria-sort, by mouse and by keyboard", async () => {
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    const nameHeader = page().locator('th[data-sort-column="name"]');
    await nameHeader.getByRole("button").click();
    await page().waitForURL(/sort=name/);
    await showsRange(`1–50 of ${COUNT}`);
    expect(await nameHeader.getAttribute("aria-sort")).toBe("ascending");
    const ascending = await api(`benchmark=${BENCHMARK}&sort=name&limit=50`);
    expect(await rowSlugs(page())).toEqual(ascending.items.map((item) => item.slug));
    // The names count down as the slugs count up: A→Z starts at the last seeded slug.
    expect(ascending.items[0].slug).toBe(slugOf(COUNT - 1));

    await nameHeader.getByRole("button").focus();
    await page().keyboard.press("Enter");
    await page().waitForURL(/order=desc/);
    await expect.poll(() => nameHeader.getAttribute("aria-sort")).toBe("descending");
    await showsRange(`1–50 of ${COUNT}`);
    const descending = await api(`benchmark=${BENCHMARK}&sort=name&order=desc&limit=50`);
    expect(await rowSlugs(page())).toEqual(descending.items.map((item) => item.slug));
    expect(await page().locator("th[aria-sort]").count()).toBe(1);
  });

  it("searches the model references as you type, and keeps the search in the URL", async () => {
    await page().goto(`${baseUrl()}/`);
    await page().getByTestId("list-search").fill("needle-reas");
    await showsRange("1–1 of 1");
    expect(await rowSlugs(page())).toEqual([slugOf(7)]);
    // The URL follows once the answer is on screen (its history write waits for the rows).
    await page().waitForURL((url) => url.searchParams.get("q") === "needle-reas");
    await page().reload();
    await showsRange("1–1 of 1");
    expect(await page().getByTestId("list-search").inputValue()).toBe("needle-reas");
    // The search made one history entry: Back returns to the list before it.
    await page().goBack();
    await page().waitForURL((url) => !url.searchParams.has("q"));
    await expect.poll(() => page().getByTestId("list-search").inputValue()).toBe("");
    await expect.poll(() => rowSlugs(page()).then((slugs) => slugs.length)).toBeGreaterThan(1);
  });

  it.each([
    ["setting", "agentic"],
    ["scale", "32B"],
    ["family", "mistral"],
    ["synthetic", "false"],
  ])("filters by %s with choices from the data, counting as the API does", async (key, value) => {
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    await page().getByTestId(`filter-${key}`).selectOption(value);
    await page().waitForURL(new RegExp(`${key}=${value}`));
    const expected = await api(`benchmark=${BENCHMARK}&${key}=${value}&limit=50`);
    expect(expected.total).toBeGreaterThan(0);
    await showsRange(`1–${Math.min(50, expected.total)} of ${expected.total}`);
    expect(await rowSlugs(page())).toEqual(expected.items.map((item) => item.slug));
  });

  it("filters by benchmark and by study from the choices the data offers", async () => {
    await page().goto(`${baseUrl()}/`);
    const benchmarks = await page().getByTestId("filter-benchmark").locator("option").allTextContents();
    expect(benchmarks).toContain(BENCHMARK);
    await page().getByTestId("filter-benchmark").selectOption(BENCHMARK);
    await showsRange(`1–50 of ${COUNT}`);
    await page().getByTestId("filter-benchmark").selectOption("");
    await page().getByTestId("filter-study").selectOption(DEMO_STUDY.slug);
    await showsRange("1–6 of 6");
    const study = await api(`study=${DEMO_STUDY.slug}&limit=50`);
    expect(await rowSlugs(page())).toEqual(study.items.map((item) => item.slug));
    // The study list above links to the same filtered list.
    await page().goto(`${baseUrl()}/`);
    await page().getByTestId("study-list").getByRole("link", { name: "6 experiments" }).click();
    await page().waitForURL(/study=/);
    await showsRange("1–6 of 6");
  });

  it("draws each row's thumbnail from the API's stored points, with the best solve rate beside it", async () => {
    await page().goto(`${baseUrl()}/?q=needle-reas`);
    await showsRange("1–1 of 1");
    const [item] = (await api("q=needle-reas&limit=50")).items;
    const thumbnail = item.thumbnail;
    if (thumbnail === null || thumbnail.best === null) throw new Error("the worker stored no thumbnail");
    const row = page().getByTestId("experiment-row");
    expect(await row.getByTestId("best-solve-rate").textContent()).toBe(bestSolveRateText(thumbnail.best));
    const layout = layoutThumbnail(thumbnail, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
    // Each point: a dot at the layout's pixels (or a cross) whose title, shown on hover, gives its values
    // (added at hydration: the first HTML leaves the titles out).
    await titlesShown(row);
    const marks = await row.locator("[data-testid=frontier-thumbnail] title").evaluateAll((titles) =>
      titles.map((title) => {
        const mark = title.parentElement as Element;
        return [
          mark.getAttribute("cx") ?? mark.getAttribute("d"),
          mark.getAttribute("cy"),
          title.textContent,
        ];
      }),
    );
    expect(marks).toEqual(
      layout.marks.map((mark) => [
        mark.cross ?? String(mark.cx),
        mark.cross === null ? String(mark.cy) : null,
        thumbnailPointTitle(mark),
      ]),
    );
    expect(marks).toHaveLength(ALPHAS.length);
    // Extrapolation on both sides is dashed, interpolation solid.
    expect(await row.locator("path.alpha-path--extrapolationA").count()).toBe(1);
    expect(await row.locator("path.alpha-path--interpolation").count()).toBe(1);
    expect(await row.locator("path.alpha-path--extrapolationB").count()).toBe(1);
    // The best point is ringed, and its title shows the best solve rate.
    const best = layout.marks.find((mark) => mark.best);
    expect(best && thumbnailPointTitle(best)).toContain(
      `solve rate ${bestSolveRateText(thumbnail.best).split(" at ")[0]}`,
    );
    expect(await row.locator("[data-testid=frontier-thumbnail] circle.best title").textContent()).toBe(
      best && thumbnailPointTitle(best),
    );
  });

  it("draws the demo's thumbnail through the explorer's points", async () => {
    const frontier = (await (
      await fetch(`${baseUrl()}/api/experiments/${DEMO_EXPERIMENT_SLUG}/frontier`)
    ).json()) as FrontierData;
    await page().goto(`${baseUrl()}/?q=${DEMO_EXPERIMENT_SLUG}`);
    await showsRange("1–1 of 1");
    const row = page().getByTestId("experiment-row");
    await titlesShown(row);
    const titles = await row.locator("[data-testid=frontier-thumbnail] title").allTextContents();
    expect(titles.map((title) => title.slice(0, title.indexOf(":")))).toEqual(
      frontier.slices.all.points.map((point) => `α = ${formatAlpha(point.alpha)}`),
    );
    const collapsed = await row.locator("[data-testid=frontier-thumbnail] .frontier-point-collapsed").count();
    expect(collapsed).toBe(frontier.slices.all.points.filter((point) => point.collapsed).length);
  });

  it("fits a 390 px wide screen: the page itself never scrolls sideways", async () => {
    await page().setViewportSize({ width: 390, height: 844 });
    await page().goto(`${baseUrl()}/?benchmark=${BENCHMARK}`);
    await showsRange(`1–50 of ${COUNT}`);
    const { scrollWidth, clientWidth } = await page().evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(await page().getByTestId("list-search").isVisible()).toBe(true);
    await page().setViewportSize({ width: 1280, height: 900 });
  });
});
