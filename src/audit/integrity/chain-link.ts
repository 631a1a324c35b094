import * as crypto from 'node:crypto';
import { JsonObject } from '../../event-store/event-store.port';
import { canonicalJson } from '../../shared/canonical-json';
import { RawRecordedEvent } from '../../event-store/raw-event-reader';

/** The link before the first event: 64 zeros. */
export const GENESIS_LINK = '0'.repeat(64);

/** What a link covers: everything an auditor relies on about one stored event. */
export interface ChainedEventContent {
  readonly streamName: string;
  readonly revision: bigint;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
}

/**
 * link(n) = SHA-256 hex of the canonical JSON (see canonical-json.ts) of
 * `{ v: 1, previous: link(n-1), stream, revision, id, type, data, metadata, recordedAt }`.
 * Chaining in global (`$all`) order makes every event depend on all before it,
 * so an edit, deletion, insertion or swap changes every later link. The global
 * position is deliberately not covered: it is the store's address, not
 * content, and differs between stores (an export can be re-imported and still
 * verify); the position is checked separately against the recorded links.
 */
export function chainLink(event: ChainedEventContent, previous: string): string {
  return sha256Hex(encode(event, previous, canonicalJson(event.data), canonicalJson(event.metadata), event.recordedAt.toISOString()));
}

/**
 * The same link when data and metadata already have their keys in canonical
 * order, computed with the native JSON.stringify (several times faster). The
 * stores write JSON with sorted keys, so events read back usually do; a
 * verifier that gets a different link from this one must recompute it with
 * `chainLink` before calling anything wrong — a match, though, is proof
 * (it equals the canonical link, which no other text hashes to).
 */
export function chainLinkAssumingSortedKeys(event: ChainedEventContent, previous: string): string {
  return sha256Hex(encode(event, previous, JSON.stringify(event.data), JSON.stringify(event.metadata), event.recordedAt.toISOString()));
}

/** An event as a store keeps it: data and metadata as JSON text, numbers plain (see RawEventReader). */
export type StoredEventContent = Pick<RawRecordedEvent, 'streamName' | 'revision' | 'id' | 'type' | 'dataJson' | 'metadataJson' | 'recordedAt'>;

/** The same shortcut for text read straight from the store: exact when the store wrote canonical JSON. */
export function chainLinkOfStoredText(event: StoredEventContent, previous: string): string {
  return sha256Hex(encode(event, previous, event.dataJson, event.metadataJson, isoOfMillis(event.recordedAt)));
}

function encode(
  event: { streamName: string; revision: bigint | number; id: string; type: string },
  previous: string,
  data: string,
  metadata: string,
  recordedAt: string,
): string {
  return (
    `{"data":${data},"id":${JSON.stringify(event.id)},"metadata":${metadata}` +
    `,"previous":"${previous}","recordedAt":"${recordedAt}","revision":"${event.revision}"` +
    `,"stream":${JSON.stringify(event.streamName)},"type":${JSON.stringify(event.type)},"v":1}`
  );
}

/** Events committed together share their instant, so the last conversion is usually the next one too. */
let lastMillis = NaN;
let lastIso = '';
function isoOfMillis(millis: number): string {
  if (millis !== lastMillis) {
    lastIso = new Date(millis).toISOString();
    lastMillis = millis;
  }
  return lastIso;
}

/** One-shot `crypto.hash` (Node ≥ 20.12) is about twice as fast as a Hash object per event. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');
