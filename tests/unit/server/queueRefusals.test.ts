import { describe, expect, it } from "vitest";
import { BusyError } from "@/lib/server/errors";
import { queueRefusal, registerQueueRefusal } from "@/lib/server/queueRefusals";

describe("queueRefusal", () => {
  it("refuses GET and HEAD of a registered route while its queue is full, and nothing else", () => {
    let full = false;
    registerQueueRefusal("test-preview", {
      path: /^\/api\/experiments\/[^/]+\/preview\.png$/,
      refusal: () => (full ? new BusyError("Busy.") : null),
    });
    const url = "/api/experiments/demo/preview.png?members=0.5";
    expect(queueRefusal("GET", url)).toBeNull();
    full = true;
    const refusal = queueRefusal("GET", url);
    expect(refusal?.status).toBe(503);
    expect(refusal?.headers?.["retry-after"]).toBe("2");
    expect(queueRefusal("HEAD", url)?.status).toBe(503);
    expect(queueRefusal("POST", url)).toBeNull();
    expect(queueRefusal("GET", "/api/experiments/demo/frontier")).toBeNull();
    expect(queueRefusal("GET", "/api/experiments/a/b/preview.png")).toBeNull();
  });

  it("keeps one entry per name: registering again replaces it", () => {
    registerQueueRefusal("test-twice", { path: /^\/twice$/, refusal: () => new BusyError("First.") });
    registerQueueRefusal("test-twice", { path: /^\/twice$/, refusal: () => null });
    expect(queueRefusal("GET", "/twice")).toBeNull();
  });
});
