import { describe, expect, it } from "vitest";
import { characterFault, isNoncharacter } from "@/lib/domain/text";

describe("isNoncharacter", () => {
  it("is true for exactly the 66 noncharacters: U+FDD0–U+FDEF and the last two code points of each plane", () => {
    const noncharacters: number[] = [];
    for (let point = 0; point <= 0x10ffff; point++) if (isNoncharacter(point)) noncharacters.push(point);
    const expected = [
      ...Array.from({ length: 32 }, (_, i) => 0xfdd0 + i),
      ...Array.from({ length: 17 }, (_, plane) => [
        plane * 0x10000 + 0xfffe,
        plane * 0x10000 + 0xffff,
      ]).flat(),
    ].sort((a, b) => a - b);
    expect(noncharacters).toEqual(expected);
  });
});

describe("characterFault", () => {
  it("passes text with emoji, accents, U+FFFD and private-use characters", () => {
    expect(characterFault("Café 😀 \ufffd \ue000 \ufdcf \ufdf0 \u{1fffd}")).toBeNull();
  });

  it("names every noncharacter by its code point and position in characters", () => {
    expect(characterFault("😀😀\u{10fffe}")).toBe(
      "contains the Unicode noncharacter U+10FFFE at character 3",
    );
    expect(characterFault("a\ufdef")).toBe("contains the Unicode noncharacter U+FDEF at character 2");
  });
});
