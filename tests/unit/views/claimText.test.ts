import { describe, expect, it } from "vitest";
import { CLAIM_IDS } from "../../../lib/science/claims";
import { CLAIM_GLOSSARY, claimAnchor, formatClaimValue } from "../../../lib/views/claimText";

describe("formatClaimValue", () => {
  it("prints fractions as signed points, areas to 3 digits and counts as integers", () => {
    expect(formatClaimValue("tradeoff-time-limit", -0.0534)).toBe("−5.3 pts");
    expect(formatClaimValue("ensemble-gain", 0.033)).toBe("+3.3 pts");
    expect(formatClaimValue("flat-solve-rate", -0.0004)).toBe("0.0 pts");
    expect(formatClaimValue("extrapolation-extends", 0.012345)).toBe("0.0123");
    expect(formatClaimValue("complementary-problems", 7)).toBe("7");
  });
});

describe("CLAIM_GLOSSARY", () => {
  it("explains every claim once, under its own anchor", () => {
    expect(CLAIM_GLOSSARY.map((entry) => entry.id)).toEqual([...CLAIM_IDS]);
    expect(claimAnchor("ensemble-gain")).toBe("claim-ensemble-gain");
  });
});
