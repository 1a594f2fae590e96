import { describe, expect, it } from "vitest";
import {
  alphaParam,
  createHistoryWriter,
  type HistoryMode,
  parseFlagParam,
  parseNumberParam,
  STEP_COALESCE_MS,
} from "@/lib/views/urlView";

/** A browser history in memory and a hand-moved clock. */
function fakeBrowser(start = "/page?a=0") {
  const entries = [start];
  let index = 0;
  let clock = 10_000;
  let url = start;
  const { record, writeHeld } = createHistoryWriter(
    {
      current: () => entries[index],
      push: (next) => {
        entries.splice(index + 1, entries.length, next);
        index += 1;
      },
      replace: (next) => {
        entries[index] = next;
      },
      now: () => clock,
    },
    () => url,
  );
  return {
    entries,
    /** The view changes to `next` and is recorded the given way. */
    change(next: string, mode: HistoryMode) {
      url = next;
      record(mode);
    },
    /** The page shows the current view's answer. */
    shown: () => writeHeld(),
    /** A link to another page is followed (its router pushes the entry). */
    leave(next: string) {
      entries.splice(index + 1, entries.length, next);
      index += 1;
    },
    wait(ms: number) {
      clock += ms;
    },
    back: () => entries[index - 1],
    current: () => entries[index],
  };
}

describe("the shared history policy", () => {
  it("gives every discrete change its own entry, and none for a change that leaves the URL as it is", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=1", "push");
    browser.change("/page?a=2", "push");
    browser.change("/page?a=2", "push");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=1", "/page?a=2"]);
  });

  it("updates the current entry while a number is typed", () => {
    const browser = fakeBrowser();
    browser.change("/page?k=2", "replace");
    browser.change("/page?k=25", "replace");
    expect(browser.entries).toEqual(["/page?k=25"]);
  });

  it("coalesces quick key steps into one entry and starts a new one after a pause", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=1", "step");
    browser.wait(STEP_COALESCE_MS - 1);
    browser.change("/page?a=2", "step");
    browser.wait(STEP_COALESCE_MS - 1);
    browser.change("/page?a=3", "step");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=3"]);
    browser.wait(STEP_COALESCE_MS);
    browser.change("/page?a=4", "step");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=3", "/page?a=4"]);
  });

  it("does not fold a key step into an entry a click made", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=1", "push");
    browser.change("/page?a=2", "step");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=1", "/page?a=2"]);
  });

  it("writes nothing while a drag moves, however long it lasts", () => {
    const browser = fakeBrowser();
    for (let i = 1; i <= 50; i++) {
      browser.change(`/page?a=0.${i}`, "live");
      browser.wait(100);
    }
    expect(browser.entries).toEqual(["/page?a=0"]);
  });

  it("on release pushes the final view over the entry the drag began from, so Back returns there", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=0.1", "live");
    browser.change("/page?a=0.7", "live");
    browser.change("/page?a=0.8", "release");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=0.8"]);
    expect(browser.back()).toBe("/page?a=0");
  });

  it("adds no entry for a drag released where it began", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=0.4", "live");
    browser.change("/page?a=0", "release");
    expect(browser.entries).toEqual(["/page?a=0"]);
  });

  it("after a drag, the next key step starts its own entry", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=0.4", "live");
    browser.change("/page?a=0.5", "release");
    browser.change("/page?a=0.6", "step");
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=0.5", "/page?a=0.6"]);
  });

  it("holds a typed search until its answer is shown, then writes it as a key step", () => {
    const browser = fakeBrowser();
    browser.change("/page?q=4", "typed");
    browser.wait(40);
    browser.change("/page?q=48", "typed");
    expect(browser.entries).toEqual(["/page?a=0"]);
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/page?q=48"]);
    browser.wait(STEP_COALESCE_MS - 1);
    browser.change("/page?q=481", "typed");
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/page?q=481"]);
    browser.wait(STEP_COALESCE_MS);
    browser.change("/page?q=4817", "typed");
    browser.shown();
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/page?q=481", "/page?q=4817"]);
  });

  it("writes a held search with the next discrete change, and not again when its answer comes", () => {
    const browser = fakeBrowser();
    browser.change("/page?q=4", "typed");
    browser.change("/page?q=4&sort=name", "push");
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/page?q=4&sort=name"]);
  });

  it("drops a held search when a link was followed before its answer came", () => {
    const browser = fakeBrowser();
    browser.change("/page?q=4", "typed");
    browser.leave("/other/page");
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/other/page"]);
  });

  it("writes nothing when an answer is shown and no search was held", () => {
    const browser = fakeBrowser();
    browser.change("/page?a=1", "push");
    browser.shown();
    expect(browser.entries).toEqual(["/page?a=0", "/page?a=1"]);
  });
});

describe("shared URL values", () => {
  it("reads numbers with the typographic minus that labels print, and nothing else", () => {
    expect(parseNumberParam("−0.75")).toBe(-0.75);
    expect(parseNumberParam(" 1.5 ")).toBe(1.5);
    expect(parseNumberParam("")).toBeNull();
    expect(parseNumberParam("abc")).toBeNull();
    expect(parseNumberParam("Infinity")).toBeNull();
  });

  it("reads on/off values as 1/0 or true/false", () => {
    expect(parseFlagParam("1")).toBe(true);
    expect(parseFlagParam("false")).toBe(false);
    expect(parseFlagParam("yes")).toBeNull();
  });

  it("writes α with at most four decimals and no trailing zeros", () => {
    expect(alphaParam(0.5)).toBe("0.5");
    expect(alphaParam(-0.123456)).toBe("-0.1235");
    expect(alphaParam(2)).toBe("2");
  });
});
