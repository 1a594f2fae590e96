import { describe, expect, it } from "vitest";
import { z } from "zod";
import { clip, errorBody, fieldIssues } from "../../../lib/server/errorBody";
import { ApiError } from "../../../lib/server/errors";
import {
  ERROR_MAX_FIELD_ISSUES,
  ERROR_MESSAGE_MAX_CHARS,
  ERROR_TEXT_MAX_CHARS,
} from "../../../lib/server/limits";

describe("error bodies stay small whatever the input", () => {
  it("clips texts without splitting a surrogate pair", () => {
    expect(clip("short")).toBe("short");
    const clipped = clip("😀".repeat(500), 201);
    expect(clipped.length).toBeLessThanOrEqual(201);
    expect(clipped.endsWith("…")).toBe(true);
    expect(() => encodeURIComponent(clipped)).not.toThrow(); // throws on a lone surrogate
  });

  it("keeps the first few field issues of a huge invalid array", () => {
    const schema = z.object({ members: z.array(z.object({ alpha: z.number() })) });
    const result = schema.safeParse({ members: Array(100_000).fill(0) });
    expect(result.success).toBe(false);
    if (result.success) return;
    const details = fieldIssues(result.error);
    expect(details.fields).toHaveLength(ERROR_MAX_FIELD_ISSUES);
    expect(details.fields[0]).toEqual({
      field: "members.0",
      message: "Invalid input: expected object, received number",
    });
    expect(details.truncated).toBe(true);
  });

  it("clips the message and every text in the details, and cuts long lists", () => {
    const long = "x".repeat(1_000_000);
    const body = errorBody(
      new ApiError(422, "invalid_import", long, {
        issues: Array(10_000).fill({ file: long, message: long }),
      }),
    );
    expect(body.error.message.length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX_CHARS);
    const issues = (body.error.details as { issues: { file: string; message: string }[] }).issues;
    expect(issues.length).toBe(20);
    expect(issues[0].file.length).toBeLessThanOrEqual(ERROR_TEXT_MAX_CHARS);
    expect(JSON.stringify(body).length).toBeLessThan(10_000);
  });
});
