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
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  InvalidAppendError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import { ExpectedRevision } from '../event-store.port';

/** gRPC codes for a connection that went away under a call (RST_STREAM, socket closed). */
const DROPPED = new Set([13 /* INTERNAL */, 14 /* UNAVAILABLE */]);

/**
 * Failures that say nothing about the request itself: the node is down, not
 * the leader (the client reconnects to the leader it named), or too slow.
 * Retrying a read is always safe; retrying an append is safe because the
 * event ids make it idempotent on the server.
 */
export function isTransient(error: unknown): boolean {
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
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };

/** Exponential, capped, with full jitter so many clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}

export async function withRetry<T>(policy: RetryPolicy, operation: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (error) {
      if (!isTransient(error) || attempt + 1 >= policy.attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, backoffDelay(policy, attempt)));
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
  if (error instanceof MaxAppendSizeExceededError) {
    return new InvalidAppendError(`Append is larger than EventStoreDB accepts (${error.maxAppendSize} bytes)`, { cause: error });
  }
  return new EventStoreError(`EventStoreDB failed (${what}): ${reason}`, { cause: error });
}
