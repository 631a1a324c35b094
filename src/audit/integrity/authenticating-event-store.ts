import { AllSubscription, EventStore, ExpectedRevision, Position, ReadAllOptions, ReadStreamOptions, RecordedEvent } from '../../event-store/event-store.port';
import { canReadRaw, RawEventPage, RawReadOptions } from '../../event-store/raw-event-reader';
import { authenticate, EventMacKey } from './event-authenticator';

/** Asked before every append: throws to refuse it (see IntegrityStatus). */
export interface WriteGate {
  assertWritable(streamName: string): void;
}

const OPEN: WriteGate = { assertWritable: () => undefined };

/** The revision the first event of an append will get, when the expected revision says so. */
function firstRevision(expected: ExpectedRevision): bigint | null {
  if (expected === 'no_stream') return 0n;
  if (typeof expected === 'bigint') return expected + 1n;
  return null;
}

/**
 * The event store as the service writes to it: every event gets an
 * authenticator in its metadata, made with the service's key, before it is
 * stored (event-authenticator.ts). Wrapping the port rather than each writer
 * means no path can append an unauthenticated event (commands, the read-access
 * log, checkpoints), and whoever writes to the store without the key leaves
 * events that verify names as forged. Reads pass through unchanged.
 */
export class AuthenticatingEventStore implements EventStore {
  /** Only where the adapter has it (see RawEventReader): verify checks for the method itself. */
  readonly readAllRaw?: (options: RawReadOptions) => Promise<RawEventPage | undefined>;

  constructor(
    private readonly inner: EventStore,
    private readonly key: EventMacKey,
    private readonly gate: WriteGate = OPEN,
  ) {
    if (canReadRaw(inner)) this.readAllRaw = (options) => inner.readAllRaw(options);
  }

  /** Async so that a refusal is a rejected promise, like every other append failure; the append itself starts synchronously. */
  async append(...[streamName, events, options]: Parameters<EventStore['append']>): ReturnType<EventStore['append']> {
    this.gate.assertWritable(streamName);
    const first = firstRevision(options.expectedRevision);
    const authenticated = events.map((event, i) => authenticate(event, streamName, first === null ? null : first + BigInt(i), this.key));
    return this.inner.append(streamName, authenticated, options);
  }

  readStream(streamName: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamName, options);
  }

  readAll(options: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<Position | undefined> {
    return this.inner.headPosition();
  }

  subscribeToAll(options?: Parameters<EventStore['subscribeToAll']>[0]): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
