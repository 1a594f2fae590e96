import { describe, expect, it } from "vitest";
import { toOpenApi30 } from "../../support/openApi30";

describe("toOpenApi30", () => {
  it("writes 3.1's nullable types, null branches, const and numeric exclusive bounds in 3.0's words", () => {
    const document = {
      openapi: "3.1.0",
      components: {
        schemas: {
          A: { type: ["number", "null"], exclusiveMinimum: 0 },
          B: { anyOf: [{ type: "string", minLength: 1 }, { type: "null" }] },
          C: { anyOf: [{ $ref: "#/components/schemas/A" }, { type: "null" }] },
          D: { const: "ready", propertyNames: { pattern: "^a" }, contentMediaType: "text/csv" },
        },
      },
    };
    expect(toOpenApi30(document)).toEqual({
      openapi: "3.0.3",
      components: {
        schemas: {
          A: { type: "number", nullable: true, minimum: 0, exclusiveMinimum: true },
          B: { type: "string", minLength: 1, nullable: true },
          C: { anyOf: [{ $ref: "#/components/schemas/A" }], nullable: true },
          D: { enum: ["ready"] },
        },
      },
    });
    expect(document.openapi).toBe("3.1.0");
  });

  it("refuses what 3.0 cannot say", () => {
    expect(() => toOpenApi30({ s: { prefixItems: [{ type: "number" }] } })).toThrow(/prefixItems/);
    expect(() => toOpenApi30({ s: { type: ["number", "string"] } })).toThrow(/no OpenAPI 3.0 form/);
  });
});
