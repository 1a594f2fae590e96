import { describe, expect, it } from "vitest";
import { cachedBody, type StoredResponse, storedResponse } from "@/lib/server/statistics/read";

const stored: StoredResponse = {
  version: "v1",
  kind: "problem-ids",
  httpStatus: 200,
  etag: '"v1.problems"',
  ...(() => {
    const encoded = cachedBody('{"problems":["é"]}');
    return { body: encoded.text, encoded };
  })(),
};

describe("storedResponse", () => {
  it("sends a cached body's UTF-8 bytes as they are", async () => {
    const response = storedResponse(stored);
    expect(response.headers.get("etag")).toBe('"v1.problems"');
    expect(await response.text()).toBe('{"problems":["é"]}');
  });

  it("hands on the cached bytes themselves, never a copy, and leaves them intact for the next response", async () => {
    const first = await storedResponse(stored).body?.getReader().read();
    expect(first?.value).toBe(stored.encoded?.bytes);
    expect(stored.encoded?.bytes.byteLength).toBe(19);
    expect(await storedResponse(stored).text()).toBe('{"problems":["é"]}');
  });

  it("sends a derived response's own body, never the bytes of the body it was read from", async () => {
    const derived = storedResponse({ ...stored, body: '{"page":1}' });
    expect(await derived.text()).toBe('{"page":1}');
  });

  it("answers 304 without a body when the client's copy is current", () => {
    const response = storedResponse({ ...stored, body: null });
    expect(response.status).toBe(304);
  });
});
