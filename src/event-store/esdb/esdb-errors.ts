/**
 * What the EventStoreDB client throws, sorted into what callers of the port can
 * act on: a concurrency conflict, bad input, or a store that is unavailable
 * (after the retries that are safe have been spent).
 */
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  isCommandError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as EsdbStreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  AppendTooLargeError,
  EventStoreError,
  StoreUnavailableError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/** gRPC codes for a connection that went away under a call (RST_STREAM, socket closed). */
const DROPPED = new Set([13 /* INTERNAL */, 14 /* UNAVAILABLE */]);

/**
 * How a 24.10 node refuses one batch append it cannot take now: a per-request
 * status with no details client 6.2.1 knows, so the client raises
 * UnknownError("Could not recognize Server Is Not Ready" / "... Is Busy" /
 * "... No leader info available in response"). Nothing was written.
 */
const REFUSED_NOW = /^Could not recognize (Server Is Not Ready|Server Is (Too )?Busy|No leader info available)/i;

export function isRefusal(error: unknown): boolean {
  return error instanceof UnknownError && REFUSED_NOW.test(error.message);
}

/** Failures after which the append may or may not have been written: ask the store before retrying. */
export function mayHaveWritten(error: unknown): boolean {
  return isTransient(error) && !isRefusal(error) && !(error instanceof NotLeaderError);
}

/**
 * Failures that say nothing about the request itself: the node is down, not
 * the leader (the client reconnects to the leader it named), not ready, too
 * busy, or too slow. Retrying a read is always safe; an append is checked
 * first when it may have been written (see EsdbEventStore.append).
 */
export function isTransient(error: unknown): boolean {
  if (isRefusal(error)) return true;
  if (
    error instanceof UnavailableError ||
    error instanceof NotLeaderError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    // CancelledError is only raised for cancellations the server made
    // (shutdown, leader change): the client's own are filtered out before.
    error instanceof CancelledError
  ) {
    return true;
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'number' && DROPPED.has(code)) return true;
  // Cluster discovery gives up with a plain Error when no seed answers.
  return error instanceof Error && !isCommandError(error) && /^Failed to discover/.test(error.message);
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** No retry starts after this long since the first attempt: a command's deadline (default: none). */
  readonly withinMs?: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 5, baseDelayMs: 100, maxDelayMs: 2_000, withinMs: 10_000 };

/** Exponential, capped, with full jitter so many clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

/**
 * Runs `operation` until it succeeds, fails for a reason that is not
 * transient, or the attempts or the deadline are spent. `beforeRetry` runs
 * after the backoff and before each new attempt; what it returns (when not
 * undefined) is the result instead, e.g. an append found stored after all.
 */
export async function withRetry<T>(
  policy: RetryPolicy,
  operation: () => Promise<T>,
  beforeRetry?: (error: unknown) => Promise<T | undefined>,
): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= policy.attempts) throw error;
      const delay = backoffDelay(policy, attempt);
      if (policy.withinMs !== undefined && Date.now() - started + delay > policy.withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
      const settled = await beforeRetry?.(error);
      if (settled !== undefined) return settled;
    }
  }
}

/** Turns a client error into the port's errors; `what` says what we were doing, for the message. */
export function translateError(
  error: unknown,
  what: string,
  append?: { streamName: string; expectedRevision: ExpectedRevision },
): Error {
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError && append) {
    const actual = typeof error.actualVersion === 'bigint' ? error.actualVersion : undefined;
    return new WrongExpectedRevisionError(append.streamName, append.expectedRevision, actual);
  }
  const reason = error instanceof Error ? error.message : String(error);
  if (isTransient(error)) {
    return new StoreUnavailableError(`EventStoreDB is unavailable (${what}): ${reason}`, { cause: error });
  }
  if (error instanceof AccessDeniedError) {
    return new StoreUnavailableError(`EventStoreDB denied access (${what}); check the credentials in the connection string`, {
      cause: error,
    });
  }
  if (error instanceof EsdbStreamDeletedError) {
    return new StreamDeletedError(error.streamName ?? append?.streamName ?? '?', { cause: error });
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new AppendTooLargeError(append?.streamName ?? '?', undefined, error.maxAppendSize, { cause: error });
  }
  return new EventStoreError(`EventStoreDB failed (${what}): ${reason}`, { cause: error });
}
