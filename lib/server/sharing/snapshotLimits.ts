import { LRUCache } from "lru-cache";
import type { Db } from "../../db/client";
import { snapshotStorageBytes } from "../../db/queries/snapshots";
import { CLIENT_ADDRESS_HEADER } from "../clientAddress";
import { positiveIntegerSetting } from "../envSetting";
import { ApiError } from "../errors";

/** Snapshots one client may pin per minute (ALPHASCOPE_SNAPSHOT_RATE, default 20). */
export function snapshotRatePerMinute(): number {
  return positiveIntegerSetting("ALPHASCOPE_SNAPSHOT_RATE", 20);
}

/** MiB of pinned data all snapshots together may hold (ALPHASCOPE_SNAPSHOT_QUOTA_MB, default 1024). */
export function snapshotQuotaBytes(): number {
  return positiveIntegerSetting("ALPHASCOPE_SNAPSHOT_QUOTA_MB", 1024) * 1024 * 1024;
}

export class RateLimitedError extends ApiError {
  constructor(retryAfterSeconds: number, perMinute: number) {
    super(
      429,
      "rate_limited",
      `Too many snapshots from this client: at most ${perMinute} a minute. Try again in ${retryAfterSeconds} s.`,
      undefined,
      { "retry-after": String(retryAfterSeconds) },
    );
    this.name = "RateLimitedError";
  }
}

export class QuotaExceededError extends ApiError {
  constructor(quotaBytes: number) {
    super(
      507,
      "quota_exceeded",
      `Snapshots may hold ${Math.round(quotaBytes / 1024 / 1024)} MiB in all, and this one would pass it: delete old snapshots (DELETE /api/snapshots/<id>) or raise ALPHASCOPE_SNAPSHOT_QUOTA_MB.`,
    );
    this.name = "QuotaExceededError";
  }
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per client address: `perMinute` tokens, refilled continuously. At most 10 000
 * clients are remembered (least recently seen dropped: a dropped client starts with a full bucket,
 * so the bound costs at most one extra burst per forgotten client).
 */
export class SnapshotRateLimiter {
  private readonly buckets = new LRUCache<string, Bucket>({ max: 10_000 });

  constructor(private readonly perMinute: () => number = snapshotRatePerMinute) {}

  /** Takes one token for `client` at `now` (ms), or throws 429 with the seconds until the next. */
  take(client: string, now: number): void {
    const capacity = this.perMinute();
    const perMs = capacity / 60_000;
    const bucket = this.buckets.get(client) ?? { tokens: capacity, updatedAt: now };
    const tokens = Math.min(capacity, bucket.tokens + Math.max(0, now - bucket.updatedAt) * perMs);
    if (tokens < 1) {
      this.buckets.set(client, { tokens, updatedAt: now });
      throw new RateLimitedError(Math.max(1, Math.ceil((1 - tokens) / perMs / 1000)), capacity);
    }
    this.buckets.set(client, { tokens: tokens - 1, updatedAt: now });
  }
}

const limiter = new SnapshotRateLimiter();

/**
 * Refuses a snapshot post over its client's rate (429): checked before any reading or writing.
 * The client is the address alphascope's HTTP server names (see clientAddress.ts); without that
 * server every request counts as one client.
 */
export function requireSnapshotRate(request: Request, now = Date.now()): void {
  limiter.take(request.headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown", now);
}

/** Refuses (507) a snapshot of `bytes` that would take the stored total past the quota. */
export async function requireSnapshotQuota(db: Db, bytes: number): Promise<void> {
  const quota = snapshotQuotaBytes();
  if ((await snapshotStorageBytes(db)) + bytes > quota) throw new QuotaExceededError(quota);
}
