import { ExpectedRevision } from './event-store.port';

/** Base class so callers can tell store failures from everything else. */
export class EventStoreError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/**
 * The stream was not where the writer expected it. `actualRevision` is the
 * stream's current revision, or `undefined` when the stream does not exist.
 */
export class WrongExpectedRevisionError extends EventStoreError {
  constructor(
    readonly streamName: string,
    readonly expectedRevision: ExpectedRevision,
    readonly actualRevision: bigint | undefined,
  ) {
    super(
      `Wrong expected revision on stream "${streamName}": expected ${String(expectedRevision)}, ` +
        `actual ${actualRevision === undefined ? 'no stream' : actualRevision.toString()}`,
    );
  }
}

/** An event id is already stored somewhere other than the place this append targets. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(readonly eventId: string, readonly streamName: string) {
    super(`Event id ${eventId} is already stored, but not as this append to "${streamName}" would place it`);
  }
}

/** Bad arguments to the store (empty append, malformed stream name, ...). */
export class InvalidAppendError extends EventStoreError {}

/** The store cannot be reached or cannot write (unreachable server, read-only disk, disk full). */
export class StoreUnavailableError extends EventStoreError {}
