import { EventStoreDBClient } from '@eventstore/db-client';
import { AppendTooLargeError, EventStoreError, InvalidAppendError, PrecedingAppendFailedError, StoreUnavailableError } from '../event-store.errors';
import {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../event-store.port';
// One set of append rules for every adapter, so the contract suite sees the same InvalidAppendErrors.
import { validateAppend } from '../sqlite/validate-append';
import { DEFAULT_RETRY, mayHaveWritten, RetryPolicy, translateError, withRetry } from './esdb-errors';
import { findStoredAppend } from './esdb-stored-append';
import { toEsdbEvent, toEsdbExpectedRevision, toEsdbMetadata, toPosition } from './esdb-mapping';
import { appendBytes, MAX_APPEND_BYTES } from '../append-size';
import { AllPageReader, newestPosition, readAllAfter, readAllEvents, readStreamEvents } from './esdb-reads';
import { EsdbAllSubscription } from './esdb-subscription';
import { claimEventIds, settleClaimedAppend } from './esdb-event-ids';
import { createClient, disposeWithin, probe } from './esdb-connect';
import { CommandClaims } from './esdb-command-claims';

export interface EsdbEventStoreOptions {
  /** Reads and appends that fail for connection reasons (default: 4 attempts, 100 ms doubling to 2 s). */
  readonly retry?: RetryPolicy;
  /** Backoff between resubscriptions after a drop; retried until stop() (default: 100 ms doubling to 5 s). */
  readonly reconnect?: RetryPolicy;
  /** How long connect() waits for the first answer (default 5 s). */
  readonly connectTimeoutMs?: number;
  /**
   * Keep event ids unique across streams, as the port promises, by claiming
   * each id first (see esdb-event-ids.ts). Default false: Samverkan derives
   * event ids from the command id and the stream name, so ids cannot collide
   * across streams, and EventStoreDB's own de-duplication of retries at the
   * same place is what matters. True costs one small write per event (to a
   * `$` stream, which a secured cluster reserves for admins).
   */
  readonly uniqueEventIds?: boolean;
  /** The server's MaxAppendSize: a bigger append is refused here, before anything (claims included) is written. Default 1 MiB. */
  readonly maxAppendBytes?: number;
}

function assertCount(maxCount: number | undefined): void {
  if (maxCount !== undefined && (!Number.isSafeInteger(maxCount) || maxCount < 0)) {
    throw new InvalidAppendError(`maxCount must be a non-negative integer, got ${maxCount}`);
  }
}

/**
 * The EventStoreDB adapter. Revisions and positions stay bigint; `$all`
 * positions are EventStoreDB's own commit/prepare pair; system events never
 * reach the application.
 */
export class EsdbEventStore implements EventStore {
  private readonly subscriptions = new Set<EsdbAllSubscription>();
  private readonly retry: RetryPolicy;
  private readonly reconnect: RetryPolicy;
  private readonly uniqueEventIds: boolean;
  private readonly maxAppendBytes: number;
  private readonly commandClaims: CommandClaims;
  private closing: Promise<void> | undefined;

  private constructor(
    private readonly client: EventStoreDBClient,
    options: EsdbEventStoreOptions,
  ) {
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.reconnect = options.reconnect ?? { attempts: Infinity, baseDelayMs: 100, maxDelayMs: 5_000 };
    this.uniqueEventIds = options.uniqueEventIds ?? false;
    this.maxAppendBytes = options.maxAppendBytes ?? MAX_APPEND_BYTES;
    this.commandClaims = new CommandClaims(client, this.retry);
  }

  /**
   * Connects and proves the server answers, so a wrong or unreachable
   * EVENTSTORE_CONNECTION_STRING stops the service at start with a message
   * that names it, instead of failing the first request.
   */
  static async connect(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
    const client = createClient(connectionString);
    await probe(client, connectionString, options.connectTimeoutMs ?? 5_000);
    return new EsdbEventStore(client, options);
  }

  async append(streamName: string, events: readonly EventToAppend[], options: AppendOptions): Promise<AppendResult> {
    this.assertOpen();
    const valid = validateAppend(streamName, events, options?.expectedRevision, options?.command);
    const proposed = events.map((event, i) => toEsdbEvent({ ...event, id: valid.events[i].id }));
    const { expectedRevision, command } = valid;
    const ids = valid.events.map((e) => e.id);
    const bytes = appendBytes(events.map((e) => ({ ...e, metadata: toEsdbMetadata(e.metadata) })));
    if (bytes > this.maxAppendBytes) throw new AppendTooLargeError(streamName, bytes, this.maxAppendBytes);
    try {
      // The claim needs nothing from the preceding append, so both are awaited together.
      await Promise.all([command && this.commandClaims.claim(streamName, command), this.preceding(streamName, expectedRevision, options.after)]);
      if (this.uniqueEventIds) {
        const owners = await claimEventIds(this.client, this.retry, streamName, ids);
        if (owners.size > 0) {
          const original = settleClaimedAppend({ streamName, expectedRevision, ids }, owners, await this.readStream(streamName));
          if (original) return original;
        }
      }
      const write = async (): Promise<AppendResult> => {
        const result = await this.client.appendToStream(streamName, proposed, { expectedRevision: toEsdbExpectedRevision(expectedRevision) });
        // An idempotent retry is answered without a position: look the stored event up.
        const position = result.position ? toPosition(result.position) : await this.positionOf(streamName, result.nextExpectedRevision);
        return { nextExpectedRevision: result.nextExpectedRevision, position };
      };
      // A reply lost after the node may have written: find out before writing again (esdb-stored-append.ts).
      const storedAfterAll = (error: unknown) =>
        mayHaveWritten(error)
          ? findStoredAppend((o) => readStreamEvents(this.client, streamName, o), expectedRevision, ids).catch(() => undefined)
          : Promise.resolve(undefined);
      return await withRetry(this.retry, write, storedAfterAll);
    } catch (error) {
      throw translateError(error, `appending to "${streamName}"`, { streamName, expectedRevision });
    }
  }

  /** EventStoreDB checks one append against one stream only: an append that depends on another waits for it. */
  private async preceding(streamName: string, expectedRevision: ExpectedRevision, after: Promise<AppendResult> | undefined): Promise<void> {
    if (!after) return;
    await after.catch((error: unknown) => {
      throw new PrecedingAppendFailedError(streamName, expectedRevision, error);
    });
  }

  async readStream(streamName: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertCount(options.maxCount);
    const direction = options.direction ?? 'forwards';
    let fromRevision = options.fromRevision;
    if (fromRevision !== undefined && fromRevision < 0n) {
      if (direction === 'backwards') return [];
      fromRevision = 0n;
    }
    if (options.maxCount === 0) return [];
    return this.reading(`reading "${streamName}"`, () =>
      readStreamEvents(this.client, streamName, { direction, fromRevision, maxCount: options.maxCount }),
    );
  }

  async readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    this.assertOpen();
    assertCount(options.maxCount);
    return readAllAfter(this.readAllPage, options.after, options.maxCount);
  }

  async headPosition(): Promise<Position | undefined> {
    this.assertOpen();
    return newestPosition(this.readAllPage);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    this.assertOpen();
    const subscription = new EsdbAllSubscription(this.client, options.after, this.reconnect, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await disposeWithin(this.client, 2_000);
    })();
    return this.closing;
  }

  private readonly readAllPage: AllPageReader = (from, maxCount, direction) =>
    this.reading('reading $all', () => readAllEvents(this.client, from, maxCount, direction));

  private async positionOf(streamName: string, revision: bigint): Promise<Position> {
    const [event] = await this.readStream(streamName, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new EventStoreError(`Event ${revision} of "${streamName}" was acknowledged but cannot be read`);
    return event.position;
  }

  private async reading<T>(what: string, read: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(this.retry, read);
    } catch (error) {
      throw translateError(error, what);
    }
  }

  private assertOpen(): void {
    if (this.closing) throw new StoreUnavailableError('The event store is closed');
  }
}

/** For config/DI: `EVENTSTORE_CONNECTION_STRING` in, a connected store out (or StoreUnavailableError). */
export const connectEsdbEventStore = (connectionString: string, options?: EsdbEventStoreOptions) =>
  EsdbEventStore.connect(connectionString, options);
