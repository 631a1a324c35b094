import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { AnyDecider } from './audited-streams';
import { withBusinessTime } from './business-time.upcast';

const PAGE = 1000;

export interface FoldStep {
  readonly event: RecordedEvent;
  readonly before: unknown;
  readonly after: unknown;
  /** Set when the decider could not evolve this event (a corrupt stream or a type it does not know): state is kept. */
  readonly error: string | null;
}

/** A stream's events in order, page by page, with their business time upcast (business-time.upcast.ts). */
export async function* readAuditedStream(store: EventStore, streamName: string): AsyncGenerator<RecordedEvent> {
  for (let from = 0n; ; ) {
    const page = await store.readStream(streamName, { fromRevision: from, maxCount: PAGE });
    for (const event of page) yield withBusinessTime(event);
    if (page.length < PAGE) return;
    from = page[page.length - 1].revision + 1n;
  }
}

/** Folds events through a decider one at a time, yielding the state before and after each. */
export async function* foldEvents(events: AsyncIterable<RecordedEvent>, decider: AnyDecider): AsyncGenerator<FoldStep> {
  let state = decider.initialState();
  for await (const event of events) {
    const before = state;
    let error: string | null = null;
    try {
      state = decider.evolve(before, { type: event.type, data: event.data });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    yield { event, before, after: state, error };
  }
}

/** Folds a stream up to the first event `keepGoing` refuses (time travel by revision or recorded time), so later events are never read. */
export function foldStream(
  store: EventStore,
  streamName: string,
  decider: AnyDecider,
  keepGoing: (event: RecordedEvent) => boolean = () => true,
): AsyncGenerator<FoldStep> {
  return foldEvents(takeWhile(readAuditedStream(store, streamName), keepGoing), decider);
}

async function* takeWhile<T>(items: AsyncIterable<T>, keepGoing: (item: T) => boolean): AsyncGenerator<T> {
  for await (const item of items) {
    if (!keepGoing(item)) return;
    yield item;
  }
}
