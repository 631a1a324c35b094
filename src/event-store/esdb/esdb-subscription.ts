import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  EventStoreDBClient,
  excludeSystemEvents,
  START,
} from '@eventstore/db-client';
import { AllSubscription, Position, RecordedEvent } from '../event-store.port';
import { backoffDelay, isTransient, RetryPolicy, translateError } from './esdb-errors';
import { isSystemEvent, toRecordedEvent } from './esdb-mapping';
import { LEADER } from './esdb-reads';

/**
 * A catch-up subscription to `$all` that survives connection drops.
 *
 * EventStoreDB's own subscription does the catch-up-then-live part; a dropped
 * connection, though, simply ends it. So each (re)subscription starts from
 * the position of the last event handed to the caller: EventStoreDB
 * subscribes *after* the given position, which gives neither a gap nor a
 * duplicate. Drops are retried with backoff for as long as the subscription
 * runs; an error that is not about the connection ends the iteration.
 *
 * System events are filtered on the server (`excludeSystemEvents`, i.e. `$`
 * event types) and again here for `$` streams whose event types pass that
 * filter (projection results, for instance).
 */
export class EsdbAllSubscription implements AllSubscription {
  private stopped = false;
  private iterated = false;
  private current: AllStreamSubscription | undefined;
  private wake: (() => void) | undefined;
  private lastDelivered: Position | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    after: Position | undefined,
    private readonly reconnect: RetryPolicy,
    private readonly onStop: (subscription: EsdbAllSubscription) => void,
  ) {
    this.lastDelivered = after;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.wake?.();
    this.onStop(this);
    const current = this.current;
    this.current = undefined;
    if (current) await close(current);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('A subscription can be iterated only once; subscribe again instead');
    this.iterated = true;
    return this.events();
  }

  private async *events(): AsyncGenerator<RecordedEvent> {
    let drops = 0;
    try {
      while (!this.stopped) {
        const subscription = this.client.subscribeToAll({
          ...LEADER,
          fromPosition: this.lastDelivered ?? START,
          filter: excludeSystemEvents(),
        });
        // Errors still reach the loop below; this keeps one that arrives after
        // we stopped listening from becoming an uncaught 'error' event.
        subscription.on('error', () => undefined);
        this.current = subscription;
        try {
          for await (const resolved of subscription as AsyncIterable<AllStreamResolvedEvent>) {
            drops = 0;
            if (!resolved.event || isSystemEvent(resolved.event)) continue;
            const event = toRecordedEvent(resolved.event);
            this.lastDelivered = event.position;
            yield event;
            if (this.stopped) return;
          }
          // A subscription never ends by itself: the server went away cleanly.
        } catch (error) {
          if (this.stopped) return;
          if (!isTransient(error)) throw translateError(error, 'subscribing to $all');
        } finally {
          if (this.current === subscription) this.current = undefined;
          void close(subscription);
        }
        await this.sleep(backoffDelay(this.reconnect, drops++));
      }
    } finally {
      await this.stop();
    }
  }

  private sleep(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** Cancels the gRPC call and ends the stream, so a pending `for await` finishes. Never throws. */
async function close(subscription: AllStreamSubscription): Promise<void> {
  try {
    await subscription.unsubscribe();
  } catch {
    // The call never started (the connection failed first): nothing to cancel.
  } finally {
    subscription.destroy();
  }
}
