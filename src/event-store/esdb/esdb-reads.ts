import { AllStreamRecordedEvent, BACKWARDS, END, EventStoreDBClient, FORWARDS, START, StreamNotFoundError } from '@eventstore/db-client';
import { Position, RecordedEvent } from '../event-store.port';
import { comparePositions } from '../position';
import { isSystemEvent, toPosition, toRecordedEvent } from './esdb-mapping';

/**
 * Every read here decides something (a command's state, the head position, a
 * projection's input), so it must see the leader's latest state: a follower
 * may lag, and after a leader change it may be the old leader. The leader is
 * required; a follower answers NotLeader with the leader's address, the
 * client reconnects there and the read is retried (NotLeader is transient).
 */
export const LEADER = { requiresLeader: true } as const;

/** One gRPC read of `$all`: from a position (or the start / the end), at most `maxCount` events. */
export type AllPageReader = (
  from: Position | undefined,
  maxCount: number,
  direction: 'forwards' | 'backwards',
) => Promise<AllStreamRecordedEvent[]>;

/** One page of `$all`, fully drained. */
export async function readAllEvents(
  client: EventStoreDBClient,
  from: Position | undefined,
  maxCount: number,
  direction: 'forwards' | 'backwards',
): Promise<AllStreamRecordedEvent[]> {
  const forwards = direction === 'forwards';
  const read = client.readAll({ ...LEADER, fromPosition: from ?? (forwards ? START : END), direction: forwards ? FORWARDS : BACKWARDS, maxCount });
  const events: AllStreamRecordedEvent[] = [];
  for await (const resolved of read) if (resolved.event) events.push(resolved.event);
  return events;
}

/** How many `$all` events one gRPC read asks for while paging (system events are skipped in between). */
const PAGE = 500;

/**
 * EventStoreDB reads `$all` forwards from a position inclusively; the port's
 * `after` is exclusive, so the event at `after` is dropped. Pages are refilled
 * past system events, so a page shorter than `maxCount` still means the end
 * of the log to the caller.
 */
export async function readAllAfter(readPage: AllPageReader, after: Position | undefined, maxCount: number): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  let cursor = after;
  while (events.length < maxCount) {
    const want = Math.min(maxCount - events.length + 1, PAGE);
    const page = await readPage(cursor, want, 'forwards');
    for (const event of page) {
      const position = toPosition(event.position);
      if (cursor && comparePositions(position, cursor) <= 0) continue;
      cursor = position;
      if (!isSystemEvent(event) && events.length < maxCount) events.push(toRecordedEvent(event));
    }
    if (page.length < want) break;
  }
  return events;
}

/**
 * The newest event that is not a system event: `$all` backwards, a few at a
 * time, since the server writes its own events ($statsCollected, ...) after ours.
 * Events at or after the cursor are skipped whether the server reads
 * backwards from a position inclusively or not.
 */
export async function newestPosition(readPage: AllPageReader): Promise<Position | undefined> {
  const size = 32;
  let cursor: Position | undefined;
  for (;;) {
    const page = await readPage(cursor, size, 'backwards');
    for (const event of page) {
      const position = toPosition(event.position);
      if (cursor && comparePositions(position, cursor) >= 0) continue;
      if (!isSystemEvent(event)) return position;
      cursor = position;
    }
    if (page.length < size) return undefined;
  }
}

/** One stream, fully drained (a read left half-way would keep its call open); a missing stream is []. */
export async function readStreamEvents(
  client: EventStoreDBClient,
  streamName: string,
  options: { direction: 'forwards' | 'backwards'; fromRevision?: bigint; maxCount?: number },
): Promise<RecordedEvent[]> {
  const forwards = options.direction === 'forwards';
  const read = client.readStream(streamName, {
    ...LEADER,
    direction: forwards ? FORWARDS : BACKWARDS,
    fromRevision: options.fromRevision ?? (forwards ? START : END),
    maxCount: options.maxCount ?? Number.MAX_SAFE_INTEGER,
  });
  const events: RecordedEvent[] = [];
  try {
    for await (const resolved of read) if (resolved.event) events.push(toRecordedEvent(resolved.event));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
  return events;
}
