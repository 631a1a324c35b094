import fc from 'fast-check';
import { generateKeyPairSync } from 'node:crypto';
import { JsonObject } from '../../src/event-store/event-store.port';
import { authenticate, AUTHENTICATOR_KEY, checkAuthenticator } from '../../src/audit/integrity/event-authenticator';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';

/** The rule every authenticated event keeps, for any content: it checks out as written, and not once anything it covers changes. */
const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const other = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const json = fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown);
const object = fc.dictionary(fc.string({ maxLength: 8 }), json, { maxKeys: 5 }) as fc.Arbitrary<JsonObject>;
const written = fc.record({
  stream: fc.string({ minLength: 1, maxLength: 20 }),
  revision: fc.option(fc.bigInt({ min: 0n, max: 1_000_000n }), { nil: null }),
  id: fc.uuid(),
  type: fc.string({ minLength: 1, maxLength: 20 }),
  data: object,
  metadata: object,
});
/** As a store gives it back: JSON round trip (keys may come back in another order), the revision it was given. */
type Written = typeof written extends fc.Arbitrary<infer T> ? T : never;
const readBack = (w: Written, revision: bigint) => {
  const event = authenticate({ id: w.id, type: w.type, data: w.data, metadata: w.metadata }, w.stream, w.revision, key.eventKey);
  const shuffle = (o: JsonObject) => Object.fromEntries(Object.entries(JSON.parse(JSON.stringify(o)) as JsonObject).reverse()) as JsonObject;
  return { streamName: w.stream, revision, id: event.id, type: event.type, data: shuffle(event.data), metadata: shuffle(event.metadata) };
};

describe('event authenticators', () => {
  it('an event checks out as written, read back from any store', () => {
    fc.assert(fc.property(written, (w) => {
      expect(checkAuthenticator(readBack(w, w.revision ?? 7n), [key.eventKey])).toEqual({ ok: true });
    }));
  });

  it('changing anything it covers, or checking with another key, fails', () => {
    fc.assert(fc.property(written, object, fc.constantFrom('stream', 'revision', 'id', 'type', 'data', 'metadata', 'key'), (w, replacement, what) => {
      const event = readBack(w, w.revision ?? 7n);
      const changed = {
        stream: { ...event, streamName: `${event.streamName}x` },
        // Only covered when the writer knew it (an exact or no_stream expected revision).
        revision: { ...event, revision: w.revision === null ? event.revision : event.revision + 1n },
        id: { ...event, id: `${event.id}x` },
        type: { ...event, type: `${event.type}x` },
        data: { ...event, data: { ...event.data, ['changed by the test']: replacement } },
        metadata: { ...event, metadata: { ...event.metadata, ['changed by the test']: replacement } },
        key: event,
      }[what];
      const verdict = checkAuthenticator(changed, [what === 'key' ? other.eventKey : key.eventKey]);
      if (what === 'revision' && w.revision === null) expect(verdict.ok).toBe(true);
      else expect(verdict).toMatchObject({ ok: false, problem: what === 'key' ? 'unknown-key' : 'mismatch' });
    }));
  });

  it('an event without one is named as such', () => {
    fc.assert(fc.property(written, (w) => {
      const { [AUTHENTICATOR_KEY]: _, ...metadata } = readBack(w, 0n).metadata;
      expect(checkAuthenticator({ ...readBack(w, 0n), metadata }, [key.eventKey])).toEqual({ ok: false, problem: 'missing' });
    }));
  });
});
