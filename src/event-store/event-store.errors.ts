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

/**
 * The append was decided on top of another append that failed (see
 * AppendOptions.after): the stream is not what the writer expected either, so
 * it is a WrongExpectedRevisionError, and the writer decides again.
 */
export class PrecedingAppendFailedError extends WrongExpectedRevisionError {
  constructor(streamName: string, expectedRevision: ExpectedRevision, readonly precedingError: unknown) {
    super(streamName, expectedRevision, undefined);
    const reason = precedingError instanceof Error ? precedingError.message : String(precedingError);
    this.message = `Append to "${streamName}" not made: the append it was decided on top of failed (${reason})`;
  }
}

/**
 * The command id is already recorded for a different command: another stream,
 * another command type, another input or another actor. Nothing was written.
 */
export class CommandIdReusedError extends EventStoreError {
  constructor(readonly commandId: string) {
    super(`Command id ${commandId} was already used for a different command; send a new command id for a new command`);
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

/** One append larger than the store takes (EventStoreDB: 1 MiB by default); nothing was written. */
export class AppendTooLargeError extends InvalidAppendError {
  constructor(readonly streamName: string, readonly bytes: number | undefined, readonly limit: number, options?: { cause?: unknown }) {
    super(
      `The append to "${streamName}" is ${bytes === undefined ? 'larger than' : `${bytes} bytes, more than`} the ${limit} bytes the event store accepts in one append`,
      options,
    );
  }
}

/**
 * The stream was hard-deleted (EventStoreDB tombstone, e.g. by an operator): it
 * can never be read or written again, so retrying is pointless; nothing was written.
 */
export class StreamDeletedError extends EventStoreError {
  constructor(readonly streamName: string, options?: { cause?: unknown }) {
    super(`The stream "${streamName}" has been deleted from the event store and can no longer be read or written`, options);
  }
}

/** The store cannot be reached or cannot write (unreachable server, read-only disk, disk full). */
export class StoreUnavailableError extends EventStoreError {}
