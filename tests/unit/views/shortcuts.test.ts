import { describe, expect, it } from "vitest";
import {
  createShortcutRegistry,
  isShortcutEvent,
  keyLabel,
  ownsArrowKeys,
  ownsKeys,
  type Shortcut,
  type ShortcutEvent,
  type ShortcutTarget,
} from "@/lib/views/shortcuts";

const body: ShortcutTarget = { tagName: "BODY", closest: () => null };

/** A key press on the page body, as the browser reports it; `overrides` changes any part. */
function press(key: string, overrides: Partial<ShortcutEvent> = {}): ShortcutEvent & { prevented: boolean } {
  const event = {
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    repeat: false,
    defaultPrevented: false,
    target: body,
    prevented: false,
    preventDefault() {
      event.prevented = true;
    },
    ...overrides,
  };
  return event;
}

function shortcut(key: string, log: string[], extra: Partial<Shortcut> = {}): Shortcut {
  return { key, group: "View", description: `press ${key}`, run: () => log.push(key), ...extra };
}

describe("ownsKeys: where a key belongs to the focused element, not to the shortcuts", () => {
  it.each([
    ["a text field", { tagName: "INPUT", type: "text" }],
    ["a number field", { tagName: "INPUT", type: "number" }],
    ["an input without a type", { tagName: "input" }],
    ["a search field", { tagName: "INPUT", type: "search" }],
    ["a textarea", { tagName: "TEXTAREA" }],
    ["a select (a letter picks an option)", { tagName: "SELECT" }],
    ["editable content", { tagName: "DIV", isContentEditable: true }],
    [
      "anything inside an open dialog",
      { tagName: "BUTTON", closest: (s: string) => (s === "dialog[open]" ? {} : null) },
    ],
  ])("%s", (_, target) => {
    expect(ownsKeys(target)).toBe(true);
  });

  it.each([
    ["the page", body],
    ["a checkbox", { tagName: "INPUT", type: "checkbox" }],
    ["a range slider", { tagName: "INPUT", type: "range" }],
    ["a button", { tagName: "BUTTON", closest: () => null }],
    ["the window (not an element)", {}],
    ["nothing", null],
  ])("not %s", (_, target) => {
    expect(ownsKeys(target)).toBe(false);
  });
});

describe("isShortcutEvent", () => {
  it("takes plain keys and Shift (how ? is typed), not Ctrl, Meta or Alt combinations", () => {
    expect(isShortcutEvent(press("f"))).toBe(true);
    expect(isShortcutEvent(press("?"))).toBe(true);
    expect(isShortcutEvent(press("f", { ctrlKey: true }))).toBe(false);
    expect(isShortcutEvent(press("c", { metaKey: true }))).toBe(false);
    expect(isShortcutEvent(press("d", { altKey: true }))).toBe(false);
  });

  it("leaves keys a focused control already handled (the α slider's arrows) and keys typed into fields", () => {
    expect(isShortcutEvent(press("ArrowRight", { defaultPrevented: true }))).toBe(false);
    expect(isShortcutEvent(press("f", { target: { tagName: "INPUT", type: "text" } }))).toBe(false);
  });
});

describe("ownsArrowKeys", () => {
  /** An element inside a control that answers to `selector` (what `Element.closest` finds). */
  const inside = (selector: string): ShortcutTarget => ({
    tagName: "g",
    closest: (s: string) => (s.split(",").some((part) => part.trim() === selector) ? {} : null),
  });

  it("leaves the arrows to the α slider and to a plot's point set (a listbox), not other keys", () => {
    expect(ownsArrowKeys(inside('[role="slider"]'), "ArrowLeft")).toBe(true);
    expect(ownsArrowKeys(inside('[role="listbox"]'), "ArrowRight")).toBe(true);
    expect(ownsArrowKeys(inside('[role="listbox"]'), "ArrowUp")).toBe(true);
    expect(ownsArrowKeys(inside('[role="listbox"]'), "]")).toBe(false);
    expect(ownsArrowKeys(body, "ArrowRight")).toBe(false);
  });

  it("so a registered arrow shortcut does not run while a plot point has focus", () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut("ArrowRight", log)]);
    expect(registry.handle(press("ArrowRight", { target: inside('[role="listbox"]') }))).toBe(false);
    expect(registry.handle(press("ArrowRight"))).toBe(true);
    expect(log).toEqual(["ArrowRight"]);
  });
});

describe("the shortcut registry", () => {
  it("runs the shortcut of a key, once, and stops the browser's own use of that key", () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut("f", log), shortcut("[", log)]);
    const event = press("[");
    expect(registry.handle(event)).toBe(true);
    expect(log).toEqual(["["]);
    expect(event.prevented).toBe(true);
  });

  it("does nothing, and leaves the event alone, for an unregistered key, a modified key or a key typed in a field", () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut("f", log)]);
    for (const event of [
      press("g"),
      press("f", { ctrlKey: true }),
      press("f", { target: { tagName: "SELECT" } }),
    ]) {
      expect(registry.handle(event)).toBe(false);
      expect(event.prevented).toBe(false);
    }
    expect(log).toEqual([]);
  });

  it("acts once for a held key unless the shortcut repeats (stepping α)", () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut("f", log), shortcut("]", log, { repeats: true })]);
    registry.handle(press("f", { repeat: true }));
    registry.handle(press("]", { repeat: true }));
    registry.handle(press("]", { repeat: true }));
    expect(log).toEqual(["]", "]"]);
  });

  it("lists one shortcut per key, the latest registration winning until it is removed", () => {
    const registry = createShortcutRegistry();
    const log: string[] = [];
    registry.register([shortcut("?", log, { group: "Help" }), shortcut("c", log, { description: "first" })]);
    const removeSecond = registry.register([shortcut("c", log, { description: "second" })]);
    expect(registry.list().map((s) => `${s.key} ${s.description}`)).toEqual(["? press ?", "c second"]);
    removeSecond();
    expect(registry.list().map((s) => `${s.key} ${s.description}`)).toEqual(["? press ?", "c first"]);
  });

  it("tells subscribers when the list changes, and keeps the same list object in between", () => {
    const registry = createShortcutRegistry();
    let calls = 0;
    const unsubscribe = registry.subscribe(() => calls++);
    const remove = registry.register([shortcut("d", [])]);
    const listed = registry.list();
    expect(registry.list()).toBe(listed);
    remove();
    expect(calls).toBe(2);
    expect(registry.list()).toEqual([]);
    unsubscribe();
    registry.register([shortcut("d", [])]);
    expect(calls).toBe(2);
  });
});

describe("keyLabel", () => {
  it("prints named keys as people know them and characters as they are", () => {
    expect(keyLabel("Escape")).toBe("Esc");
    expect(keyLabel("ArrowRight")).toBe("→");
    expect(keyLabel("ArrowLeft")).toBe("←");
    expect(keyLabel("[")).toBe("[");
    expect(keyLabel("?")).toBe("?");
  });
});
