import { EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { AnyDecider } from './audited-streams';

const PAGE = 1000;

export interface FoldStep {
  readonly event: RecordedEvent;
  readonly before: unknown;
  readonly after: unknown;
  /** Set when the decider could not evolve this event (a corrupt stream or a type it does not know): state is kept. */
  readonly error: string | null;
}

/**
 * Folds a stream through its decider one event at a time, page by page, yielding
 * the state before and after each event. Stops when `keepGoing` says so (time
 * travel), so later events are never read.
 */
export async function* foldStream(
  store: EventStore,
  streamName: string,
  decider: AnyDecider,
  keepGoing: (event: RecordedEvent) => boolean = () => true,
): AsyncGenerator<FoldStep> {
  let state = decider.initialState();
  for (let from = 0n; ; ) {
    const page = await store.readStream(streamName, { fromRevision: from, maxCount: PAGE });
    for (const event of page) {
      if (!keepGoing(event)) return;
      const before = state;
      let error: string | null = null;
      try {
        state = decider.evolve(before, { type: event.type, data: event.data });
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      yield { event, before, after: state, error };
    }
    if (page.length < PAGE) return;
    from = page[page.length - 1].revision + 1n;
  }
}
