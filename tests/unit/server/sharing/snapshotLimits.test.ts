import { describe, expect, it } from "vitest";
import { RateLimitedError, SnapshotRateLimiter } from "@/lib/server/sharing/snapshotLimits";

function refusal(action: () => void): RateLimitedError | null {
  try {
    action();
    return null;
  } catch (error) {
    if (error instanceof RateLimitedError) return error;
    throw error;
  }
}

describe("the snapshot rate limit", () => {
  it("lets a client post its rate at once, then refuses with the seconds until a token refills", () => {
    const limiter = new SnapshotRateLimiter(() => 6); // one token every 10 s
    for (let i = 0; i < 6; i++) limiter.take("a", 0);
    const refused = refusal(() => limiter.take("a", 0));
    expect(refused?.status).toBe(429);
    expect(refused?.code).toBe("rate_limited");
    expect(refused?.headers).toEqual({ "retry-after": "10" });
    expect(refusal(() => limiter.take("a", 4_000))?.headers).toEqual({ "retry-after": "6" });
    expect(refusal(() => limiter.take("a", 10_000))).toBeNull();
  });

  it("counts each client on its own", () => {
    const limiter = new SnapshotRateLimiter(() => 1);
    limiter.take("a", 0);
    expect(refusal(() => limiter.take("a", 1))).not.toBeNull();
    expect(refusal(() => limiter.take("b", 1))).toBeNull();
  });
});
