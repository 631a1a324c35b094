import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Clock } from '../shared/clock';
import { rateLimited } from './auth-errors';

/**
 * `cost` counts the fields an operation may return (its measured cost) rather than requests, so one request
 * with many aliased pages spends what many small ones would; `bad-token` counts refused tokens per address;
 * `logged-read` counts the read-access log entries a caller's reads of personal data cause.
 */
export type RateBucket = 'mutation' | 'expensive-query' | 'cost' | 'bad-token' | 'logged-read';

const MAX_TRACKED_KEYS = 50_000;

/**
 * Fixed-window counters per caller (user id, or IP for anonymous callers) and
 * bucket, in memory: one process's view, which is what a single-node service
 * needs. Time comes from the Clock, so tests move it instead of waiting.
 */
@Injectable()
export class RateLimiter {
  private readonly windows = new Map<string, { startedAt: number; count: number }>();
  private readonly windowMs: number;
  private readonly limits: Record<RateBucket, number>;

  constructor(
    config: AppConfig,
    private readonly clock: Clock,
  ) {
    this.windowMs = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
    this.limits = {
      mutation: config.RATE_LIMIT_MUTATIONS,
      'expensive-query': config.RATE_LIMIT_EXPENSIVE_QUERIES,
      cost: config.RATE_LIMIT_COST,
      'bad-token': config.RATE_LIMIT_BAD_TOKENS,
      'logged-read': config.RATE_LIMIT_LOGGED_READS,
    };
  }

  /** Counts `units` (one call, or an operation's cost); throws RATE_LIMITED once the caller has used up the window. */
  consume(bucket: RateBucket, caller: string, units = 1): void {
    const now = this.clock.now().getTime();
    const key = `${bucket}:${caller}`;
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= this.windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.delete(key); // re-insert: Map order doubles as oldest-first for eviction
      this.windows.set(key, window);
      this.evictOldest();
    }
    window.count += units;
    if (window.count > this.limits[bucket]) {
      throw rateLimited(Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000)));
    }
  }

  /** Bounded memory under many distinct callers (e.g. spoofed IPs): forget the oldest windows. */
  private evictOldest(): void {
    while (this.windows.size > MAX_TRACKED_KEYS) this.windows.delete(this.windows.keys().next().value as string);
  }
}
