/**
 * Whether an append whose reply was lost (a timeout, a dropped connection) is
 * stored after all. A real node times a write out after 2 s while it may
 * still commit it, and its id de-duplication for `any` lives in one node's
 * memory (lost on restart or leader change), so retrying blindly can write
 * the events twice. So before a retry the stream is read where the events
 * would be: an append is atomic, so either all its ids are there, in order,
 * or none is.
 */
import { ExpectedRevision, AppendResult, RecordedEvent } from '../event-store.port';

/** How far back an `any` / `stream_exists` append is looked for: more events than any one retry window sees written after it. */
export const ANY_APPEND_LOOKBACK = 1_000;

type StreamReader = (options: { direction: 'forwards' | 'backwards'; fromRevision?: bigint; maxCount: number }) => Promise<RecordedEvent[]>;

export async function findStoredAppend(read: StreamReader, expected: ExpectedRevision, ids: readonly string[]): Promise<AppendResult | undefined> {
  if (ids.length === 0) return undefined;
  let run: RecordedEvent[];
  if (expected === 'no_stream' || typeof expected === 'bigint') {
    const fromRevision = expected === 'no_stream' ? 0n : expected + 1n;
    run = await read({ direction: 'forwards', fromRevision, maxCount: ids.length });
  } else {
    const recent = (await read({ direction: 'backwards', maxCount: ANY_APPEND_LOOKBACK + ids.length })).reverse();
    const start = recent.findIndex((e) => e.id === ids[0]);
    run = start < 0 ? [] : recent.slice(start, start + ids.length);
  }
  if (run.length !== ids.length || !run.every((e, i) => e.id === ids[i])) return undefined;
  const last = run[run.length - 1];
  return { nextExpectedRevision: last.revision, position: last.position };
}
