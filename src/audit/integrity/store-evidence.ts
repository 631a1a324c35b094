import { EventStore, Position, RecordedEvent } from '../../event-store/event-store.port';
import { comparePositions, positionToString } from '../../event-store/position';
import { ChainVerifier } from './chain-verifier';
import { CHECKPOINT_STREAM, checkpointFromData, ExpectedCheckpoint, KeptCheckpoint, SignedCheckpoint } from './checkpoint';
import { RecordedLink } from './integrity-records';

/** What verifyStore reads besides the events: the checkpoint stream, and what it finds missing at the end. */

const PAGE = 500;

export type StoreCheckpoint = KeptCheckpoint & { readonly checkpointEventId: string; readonly revision: bigint };

/** Pages through a source lazily, one page in memory at a time. */
export class Cursor<T> {
  private page: T[] = [];
  private index = 0;
  private done = false;

  constructor(private readonly nextPage: (last: T | undefined) => Promise<T[]> | T[]) {}

  /** The next item when its page is already loaded (no await per event on the hot path). */
  peekLoaded(): T | undefined | 'load' {
    if (this.index < this.page.length) return this.page[this.index];
    return this.done ? undefined : 'load';
  }

  async peek(): Promise<T | undefined> {
    if (this.index < this.page.length) return this.page[this.index];
    if (this.done) return undefined;
    const last = this.page[this.page.length - 1];
    this.page = await this.nextPage(last);
    this.index = 0;
    if (this.page.length === 0) this.done = true;
    return this.page[0];
  }

  async next(): Promise<T | undefined> {
    const item = await this.peek();
    if (item !== undefined) this.index++;
    return item;
  }
}

/** The checkpoint stream, page by page, up to `head` (later ones are for the next run) and past `afterCount`. */
export function storeCheckpoints(store: EventStore, head: Position | undefined, afterCount: bigint, anchor: KeptCheckpoint | undefined) {
  return new Cursor<StoreCheckpoint>(async (last) => {
    const fromRevision = last ? last.revision + 1n : anchor ? anchor.eventRevision + 1n : 0n;
    const events = await store.readStream(CHECKPOINT_STREAM, { fromRevision, maxCount: PAGE });
    return events
      .filter((e) => head !== undefined && comparePositions(e.position, head) <= 0)
      .map((e) => ({ ...checkpointFromData(e.data), revision: e.revision, eventRevision: e.revision, eventPosition: positionToString(e.position), checkpointEventId: e.id }))
      .filter((c) => c.count > afterCount);
  });
}

/** Incremental verification starts from the kept checkpoint: its own event must still be where it was. */
export async function anchorHolds(store: EventStore, anchor: KeptCheckpoint, verifier: ChainVerifier): Promise<boolean> {
  const [event] = await store.readStream(CHECKPOINT_STREAM, { fromRevision: anchor.eventRevision, maxCount: 1 });
  if (!event) {
    return verifier.fail('TRUNCATED', { id: anchor.eventId, position: anchor.position }, null,
      `the store no longer holds checkpoint #${anchor.eventRevision} (at ${anchor.eventPosition}), which it held when it was last verified: ` +
      `its end, back to at least event #${anchor.count}, was removed`, null);
  }
  const stored = checkpointFromData(event.data);
  if (stored.signature !== anchor.signature || positionToString(event.position) !== anchor.eventPosition) {
    return verifier.fail('EDITED', { id: event.id, position: positionToString(event.position) }, null,
      'this checkpoint event is not the one kept outside the store when it was last verified', null);
  }
  return true;
}

/** A page through the port, cut at `head`. */
export async function readParsedPage(store: EventStore, after: Position | undefined, head: Position): Promise<{ events: RecordedEvent[]; last: Position | undefined }> {
  const events = (await store.readAll({ after, maxCount: PAGE })).filter((e) => comparePositions(e.position, head) <= 0);
  return { events, last: events[events.length - 1]?.position };
}

/** Links or checkpoints left over once the events ran out: events were removed from the end. */
export async function reportWhatIsMissing(
  verifier: ChainVerifier,
  link: RecordedLink | undefined,
  checkpoints: Cursor<StoreCheckpoint>,
  expected: readonly ExpectedCheckpoint[],
): Promise<void> {
  if (link) {
    verifier.fail('DELETED', { position: link.position, id: link.eventId }, link.count,
      `event ${link.eventId} was chained but is no longer in the store`);
    return;
  }
  const count = verifier.chainCount;
  const stored = await checkpoints.next();
  const beyond = [...(stored && stored.count > count ? [{ checkpoint: stored as SignedCheckpoint, source: `the checkpoint at ${stored.eventPosition}` }] : []), ...expected]
    .find((e) => e.checkpoint.count > count);
  if (beyond) {
    const c = beyond.checkpoint;
    verifier.fail('TRUNCATED', { position: c.position, id: c.eventId }, count + 1n,
      `the store ends after event #${count}, but ${beyond.source} covers ${c.count} events, the last at ${c.position}: ` +
      `events #${count + 1n} to #${c.count} were removed`);
  }
}
