/**
 * Global event-id uniqueness, which the port promises and EventStoreDB does
 * not keep: it de-duplicates an id only where the append would put it, in the
 * same stream. So every id is claimed first, in a stream of its own
 * (`$samverkan-eventid-<id>`, created with expected revision no_stream, the
 * one write EventStoreDB makes atomic across writers). The claim names the
 * stream the id is meant for.
 *
 * A claim that already exists is not proof the event is stored: the append
 * after it may have failed (a concurrency conflict, whose retry re-sends the
 * same deterministic ids). So for claims on our own stream the stream is read
 * to see where, if anywhere, the ids really are; a claim on another stream is
 * a DuplicateEventIdError (ids are derived from the stream name, so only a bug
 * reuses one elsewhere).
 *
 * Cost: one small append per event, plus reads on the rare path. Claims are
 * `$` streams with a `$` event type, so `$all` readers here never see them.
 */
import { BACKWARDS, END, EventStoreDBClient, jsonEvent, NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { DuplicateEventIdError, WrongExpectedRevisionError } from '../event-store.errors';
import { AppendResult, ExpectedRevision, RecordedEvent } from '../event-store.port';
import { RetryPolicy, withRetry } from './esdb-errors';
import { LEADER } from './esdb-reads';

const CLAIM_TYPE = '$EventIdClaimed';
export const claimStreamOf = (eventId: string) => `$samverkan-eventid-${eventId}`;

/** Claims every id for `streamName`; returns the owners of ids that were claimed before. */
export async function claimEventIds(
  client: EventStoreDBClient,
  retry: RetryPolicy,
  streamName: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const earlier = await Promise.all(
    ids.map(async (id) => {
      try {
        const claim = jsonEvent({ type: CLAIM_TYPE, data: { streamName } });
        await withRetry(retry, () => client.appendToStream(claimStreamOf(id), claim, { expectedRevision: NO_STREAM }));
        return undefined;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        return [id, await ownerOf(client, retry, id)] as const;
      }
    }),
  );
  return new Map(earlier.filter((e) => e !== undefined));
}

async function ownerOf(client: EventStoreDBClient, retry: RetryPolicy, id: string): Promise<string> {
  // Read to the end, never `return` out of the loop: a read left half-way stays
  // registered in the client and makes its dispose() wait forever.
  const [latest] = await withRetry(retry, () =>
    client.readStream(claimStreamOf(id), { ...LEADER, direction: BACKWARDS, fromRevision: END, maxCount: 1 }).toArray(),
  );
  const data = latest?.event?.data as { streamName?: unknown } | undefined;
  if (typeof data?.streamName !== 'string') throw new Error(`Claim for event id ${id} has no stream name`);
  return data.streamName;
}

function satisfies(expected: ExpectedRevision, current: bigint | undefined): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return current === undefined;
  if (expected === 'stream_exists') return current !== undefined;
  return current === expected;
}

/**
 * Decides an append some of whose ids were claimed before, given the target
 * stream as it is now (the same rules as the embedded store):
 * - all ids stored in order where the expected revision puts them → the
 *   original result (an idempotent retry);
 * - none of them stored anywhere, and claimed for this stream → undefined:
 *   an earlier attempt failed after claiming, go ahead and append;
 * - otherwise a WrongExpectedRevisionError if the stream moved on, else a
 *   DuplicateEventIdError.
 */
export function settleClaimedAppend(
  append: { streamName: string; expectedRevision: ExpectedRevision; ids: readonly string[] },
  owners: ReadonlyMap<string, string>,
  stream: readonly RecordedEvent[],
): AppendResult | undefined {
  const { streamName, expectedRevision, ids } = append;
  const foreign = ids.find((id) => owners.has(id) && owners.get(id) !== streamName);
  const byId = new Map(stream.map((e) => [e.id, e]));
  const stored = ids.map((id) => (owners.get(id) === streamName ? byId.get(id) : undefined));
  if (!foreign) {
    if (stored.every((s) => s === undefined)) return undefined;
    const first = stored[0];
    const inPlace = first !== undefined && stored.every((s, i) => s?.revision === first.revision + BigInt(i));
    const placeOk =
      (expectedRevision !== 'no_stream' || first?.revision === 0n) &&
      (typeof expectedRevision !== 'bigint' || first?.revision === expectedRevision + 1n);
    if (inPlace && placeOk) {
      const last = stored[stored.length - 1]!;
      return { nextExpectedRevision: last.revision, position: last.position };
    }
  }
  const current = stream.length === 0 ? undefined : stream[stream.length - 1].revision;
  if (!satisfies(expectedRevision, current)) throw new WrongExpectedRevisionError(streamName, expectedRevision, current);
  throw new DuplicateEventIdError(foreign ?? ids[stored.findIndex((s) => s !== undefined)], streamName);
}
