import { AllSubscription, Position, RecordedEvent } from '../event-store.port';
import { START } from '../position';

/** Reads one page of `$all` strictly after `after`. */
export type PageReader = (after: Position, maxCount: number) => Promise<RecordedEvent[]>;

/**
 * Catch-up and live are the same loop: read the next page after the last
 * delivered position; when a page comes back empty, sleep until the store says
 * it committed something, then read again. Because every read starts from the
 * last delivered position, there are no gaps and no duplicates between history
 * and live, whatever was appended while we were catching up. Memory stays at
 * one page per subscription.
 */
export class CatchUpSubscription implements AllSubscription {
  private buffer: RecordedEvent[] = [];
  private index = 0;
  private cursor: Position;
  private stopped = false;
  /** Set by notify(); tells a reader that its empty page may already be stale. */
  private notified = false;
  private sleepers: (() => void)[] = [];
  /** next() calls run one after another, so two callers never read the same page. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly readPage: PageReader,
    private readonly pageSize: number,
    after: Position | undefined,
    private readonly onStop: (subscription: CatchUpSubscription) => void,
  ) {
    this.cursor = after ?? START;
  }

  /** Called by the store after each commit. */
  notify(): void {
    this.notified = true;
    const sleepers = this.sleepers;
    this.sleepers = [];
    sleepers.forEach((wake) => wake());
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.buffer = [];
    this.onStop(this);
    this.notify();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => {
        const result = this.tail.then(() => this.pull());
        this.tail = result.catch(() => undefined);
        return result;
      },
      // `break` out of a for-await lands here: leaving the loop ends the subscription.
      return: async () => {
        await this.stop();
        return { value: undefined, done: true };
      },
    };
  }

  private async pull(): Promise<IteratorResult<RecordedEvent>> {
    while (!this.stopped) {
      if (this.index < this.buffer.length) {
        const event = this.buffer[this.index++];
        this.cursor = event.position;
        return { value: event, done: false };
      }
      this.notified = false;
      const page = await this.readPage(this.cursor, this.pageSize);
      if (this.stopped) break;
      if (page.length > 0) {
        this.buffer = page;
        this.index = 0;
        // A full page means history to catch up on. Reads here resolve without real I/O, so yield once per
        // page: a long catch-up (start-up, a follower taking over) must not hold the event loop and starve requests.
        if (page.length === this.pageSize) await new Promise<void>((resolve) => setImmediate(resolve));
      } else if (!this.notified) {
        await new Promise<void>((wake) => this.sleepers.push(wake));
      }
    }
    return { value: undefined, done: true };
  }
}
