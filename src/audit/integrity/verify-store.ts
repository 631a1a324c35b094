import { EventStore, Position, RecordedEvent } from '../../event-store/event-store.port';
import { comparePositions, positionToString } from '../../event-store/position';
import { canReadRaw, RawRecordedEvent } from '../../event-store/raw-event-reader';
import { ChainLinksDb, RecordedLink } from './chain-links-db';
import { ChainVerifier } from './chain-verifier';
import { CHECKPOINT_STREAM, checkpointFromData, SignedCheckpoint } from './checkpoint';
import { PublicSigningKey } from './signing-key';
import { VerifyReport } from './verify-report';

const PAGE = 2000;

export interface VerifyStoreOptions {
  readonly keys: readonly PublicSigningKey[];
  /** The recorded links; without them only the signed checkpoints vouch for the events. */
  readonly links?: ChainLinksDb;
  readonly onProgress?: (eventsChecked: number, position: Position) => void;
  /** Each event once verified, with its place in the chain (the export writes it out). */
  readonly onVerified?: (event: RecordedEvent, chain: { count: bigint; previous: string; link: string }) => Promise<void> | void;
  /** Each signed checkpoint once verified, right after the event it covers. */
  readonly onCheckpoint?: (checkpoint: SignedCheckpoint) => Promise<void> | void;
}

/** Pages through a source lazily, one page in memory at a time. */
class Cursor<T> {
  private page: T[] = [];
  private index = 0;
  private done = false;

  constructor(private readonly nextPage: (last: T | undefined) => Promise<T[]> | T[]) {}

  /** The next item when its page is already loaded (no await per event on the hot path). */
  peekLoaded(): T | undefined | 'load' {
    if (this.index < this.page.length) return this.page[this.index];
    return this.done ? undefined : 'load';
  }

  skip(): void {
    if (this.index < this.page.length) this.index++;
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
    if (this.index < this.page.length) return this.page[this.index++];
    const item = await this.peek();
    if (item !== undefined) this.index++;
    return item;
  }
}

/**
 * Recomputes the whole chain from the store (only through the port, so it works
 * on every adapter), comparing each event with the link recorded for its place
 * and each signed checkpoint with the head at its count. Events appended while
 * it runs are left for the next run: it stops at the head it saw at the start.
 */
export async function verifyStore(store: EventStore, options: VerifyStoreOptions): Promise<VerifyReport> {
  const verifier = new ChainVerifier(options.keys);
  const head = await store.headPosition();
  const lastRecorded = options.links?.lastLink()?.count ?? 0n;
  const links = new Cursor<RecordedLink>((last) =>
    options.links ? options.links.linksAfter(last?.count ?? 0n, PAGE).filter((l) => l.count <= lastRecorded) : []);
  const checkpoints = new Cursor<SignedCheckpoint & { revision: bigint }>(async (last) => {
    const events = await store.readStream(CHECKPOINT_STREAM, { fromRevision: last ? last.revision + 1n : 0n, maxCount: PAGE });
    // Checkpoints recorded after the head we verify up to are for the next run.
    const seen = events.filter((e) => head !== undefined && comparePositions(e.position, head) <= 0);
    return seen.map((e) => ({ ...checkpointFromData(e.data), revision: e.revision }));
  });
  const whereChained = (id: string) => options.links?.whereChained(id);

  const raw = canReadRaw(store) ? store : undefined;
  let after: Position | undefined;
  while (head && !verifier.failed) {
    // Unparsed when the store can (and nobody needs the parsed events): hashing the stored text is the fast path.
    const page: (RecordedEvent | RawRecordedEvent)[] =
      raw && !options.onVerified ? await raw.readAllRaw({ after, maxCount: PAGE }) : await store.readAll({ after, maxCount: PAGE });
    for (const event of page) {
      if (comparePositions(event.position, head) > 0) break;
      const position = positionToString(event.position);
      const previous = verifier.chainHead;
      const loaded = links.peekLoaded();
      const recorded = loaded === 'load' ? await links.next() : (links.skip(), loaded);
      if (!verifier.checkEvent(event, { recorded, whereChained }, position)) break;
      if (options.onVerified) await options.onVerified(event as RecordedEvent, { count: verifier.chainCount, previous, link: verifier.chainHead });
      const due = checkpoints.peekLoaded();
      if (due !== 'load' && (due === undefined || due.count > verifier.chainCount)) continue;
      for (let c = await checkpoints.peek(); c && c.count <= verifier.chainCount; c = await checkpoints.peek()) {
        await checkpoints.next();
        if (!verifier.checkCheckpoint(c)) break;
        await options.onCheckpoint?.(c);
      }
    }
    if (page.length === 0) break;
    after = page[page.length - 1].position;
    options.onProgress?.(verifier.report().eventsChecked, after);
    if (page.length < PAGE || comparePositions(after, head) >= 0) break;
  }
  if (!verifier.failed) await reportWhatIsMissing(verifier, links, checkpoints);
  return verifier.report();
}

/** Links or checkpoints left over once the events ran out: chained events were deleted from the end. */
async function reportWhatIsMissing(
  verifier: ChainVerifier,
  links: Cursor<RecordedLink>,
  checkpoints: Cursor<SignedCheckpoint & { revision: bigint }>,
): Promise<void> {
  const link = await links.next();
  if (link) {
    verifier.fail('DELETED', { position: link.position, id: link.eventId }, link.count,
      `event ${link.eventId} was chained but is no longer in the store`);
    return;
  }
  const checkpoint = await checkpoints.next();
  if (checkpoint && checkpoint.count > verifier.chainCount) {
    verifier.fail('DELETED', { position: checkpoint.position, id: checkpoint.eventId }, checkpoint.count,
      `a signed checkpoint covers ${checkpoint.count} events, but the store holds only ${verifier.chainCount}`);
  }
}
