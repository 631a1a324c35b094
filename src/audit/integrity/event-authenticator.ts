import { createHmac, hkdfSync, KeyObject, timingSafeEqual } from 'node:crypto';
import { EventToAppend, Json, JsonObject } from '../../event-store/event-store.port';
import { RawRecordedEvent } from '../../event-store/raw-event-reader';
import { canonicalJson } from '../../shared/canonical-json';

/** The metadata key the authenticator is stored under, beside who, when and why. */
export const AUTHENTICATOR_KEY = 'authenticator';

/**
 * The secret that authenticates each event as it is written, derived from the
 * checkpoint signing key (HKDF-SHA256), so the service has one secret to keep.
 * A MAC and not a signature: an Ed25519 signature per event costs 0.2–0.4 ms
 * to make and check, which the write path and a re-chain of a million events
 * cannot afford; an HMAC costs microseconds. The price: only the holder of the
 * key can check an authenticator. Outsiders rely on the signed checkpoints,
 * which the service makes only over events whose authenticators it checked.
 */
export interface EventMacKey {
  /** The signing key's id (its public key's): names the key an authenticator was made with. */
  readonly keyId: string;
  readonly secret: Buffer;
}

export function deriveEventMacKey(privateKey: KeyObject, keyId: string): EventMacKey {
  const der = privateKey.export({ type: 'pkcs8', format: 'der' });
  return { keyId, secret: Buffer.from(hkdfSync('sha256', der, 'samverkan', 'event-authenticator/v1', 32)) };
}

/**
 * Stored in the event's metadata. `revision` says whether the writer knew the
 * event's revision (an exact or `no_stream` expected revision) and so covered
 * it; appends with `any` cannot know it before the store assigns it.
 */
interface Authenticator {
  readonly keyId: string;
  readonly mac: string;
  readonly revision: boolean;
}

/** What an authenticator covers: everything the writer knows before the store adds its position and time. */
export interface AuthenticatedContent {
  readonly streamName: string;
  readonly revision: bigint | number;
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

const STATEMENT = 'samverkan-event/v1';

function macOf(key: EventMacKey, content: Omit<AuthenticatedContent, 'revision' | 'metadata'> & { revision: string | null }, metadata: JsonObject): string {
  const message = canonicalJson({ statement: STATEMENT, stream: content.streamName, revision: content.revision, id: content.id, type: content.type, data: content.data, metadata });
  return createHmac('sha256', key.secret).update(message).digest('base64url');
}

function withoutAuthenticator(metadata: JsonObject): JsonObject {
  const { [AUTHENTICATOR_KEY]: _ignored, ...rest } = metadata;
  return rest;
}

/** The event with its authenticator added; `revision` is null when the writer does not know it. */
export function authenticate(event: EventToAppend, streamName: string, revision: bigint | null, key: EventMacKey): EventToAppend {
  const metadata = withoutAuthenticator(event.metadata);
  const mac = macOf(key, { streamName, revision: revision === null ? null : revision.toString(), id: event.id, type: event.type, data: event.data }, metadata);
  const authenticator: Authenticator = { keyId: key.keyId, mac, revision: revision !== null };
  return { ...event, metadata: { ...metadata, [AUTHENTICATOR_KEY]: authenticator as unknown as Json } };
}

export type AuthenticatorVerdict =
  | { readonly ok: true }
  /** No authenticator, or one made with a key not trusted here: not written by this service as it stands. */
  | { readonly ok: false; readonly problem: 'missing' | 'unknown-key'; readonly keyId?: string }
  /** An authenticator from a trusted key that does not match: written by the service, changed since. */
  | { readonly ok: false; readonly problem: 'mismatch' };

export function checkAuthenticator(content: AuthenticatedContent, keys: readonly EventMacKey[]): AuthenticatorVerdict {
  const stored = content.metadata[AUTHENTICATOR_KEY];
  if (!isAuthenticator(stored)) return { ok: false, problem: 'missing' };
  const key = keys.find((k) => k.keyId === stored.keyId);
  if (!key) return { ok: false, problem: 'unknown-key', keyId: stored.keyId };
  const revision = stored.revision ? BigInt(content.revision).toString() : null;
  const expected = Buffer.from(macOf(key, { ...content, revision }, withoutAuthenticator(content.metadata)));
  const actual = Buffer.from(stored.mac);
  return expected.length === actual.length && timingSafeEqual(expected, actual) ? { ok: true } : { ok: false, problem: 'mismatch' };
}

/** The same check for an event read unparsed (verify's fast path reads stored text). */
export function checkStoredAuthenticator(event: Pick<RawRecordedEvent, 'streamName' | 'revision' | 'id' | 'type' | 'dataJson' | 'metadataJson'>, keys: readonly EventMacKey[]): AuthenticatorVerdict {
  return checkAuthenticator({
    streamName: event.streamName, revision: event.revision, id: event.id, type: event.type,
    data: JSON.parse(event.dataJson) as JsonObject, metadata: JSON.parse(event.metadataJson) as JsonObject,
  }, keys);
}

function isAuthenticator(value: Json | undefined): value is Json & Authenticator {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return typeof value.keyId === 'string' && typeof value.mac === 'string' && typeof value.revision === 'boolean';
}

/** Says what a failed verdict means, for a report. */
export function describeVerdict(verdict: Exclude<AuthenticatorVerdict, { ok: true }>): string {
  switch (verdict.problem) {
    case 'missing':
      return 'it carries no authenticator: the service did not write it';
    case 'unknown-key':
      return `its authenticator was made with key ${verdict.keyId}, not the service's`;
    case 'mismatch':
      return 'its content differs from what the service wrote (its authenticator no longer matches)';
  }
}
