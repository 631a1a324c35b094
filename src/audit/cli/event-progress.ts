import { SingleBar } from 'cli-progress';
import { EventStore, Position } from '../../event-store/event-store.port';

export interface EventProgress {
  update(eventsDone: number, position: Position): void;
  /** Shows the bar full and ends it. */
  finish(): void;
  /** Ends the bar where it is (safe to call after finish). */
  stop(): void;
}

/**
 * A progress bar over the whole store: events done, events/s and time left.
 * Positions only grow, so the head's is the scale (on the embedded store it
 * is the event count). Written to stderr, and only on a terminal, so a report
 * on stdout stays clean.
 */
export async function eventProgress(label: string, store: EventStore): Promise<EventProgress> {
  const head = Number((await store.headPosition())?.commit ?? 0n);
  const total = Math.max(head, 1);
  const bar = new SingleBar({
    format: `${label} {bar} {percentage}% | {events} events | {rate} events/s | time left {eta_formatted}`,
    etaBuffer: 50,
  });
  const started = Date.now();
  bar.start(total, 0, { events: 0, rate: 0 });
  return {
    update(eventsDone, position) {
      const rate = Math.round(eventsDone / Math.max((Date.now() - started) / 1000, 0.001));
      bar.update(Math.min(Number(position.commit), total), { events: eventsDone, rate });
    },
    finish() {
      bar.update(total);
      bar.stop();
    },
    stop: () => bar.stop(),
  };
}
