import { JsonObject } from '../../event-store/event-store.port';
import { canonicalJson } from '../../shared/canonical-json';
import { PublicSigningKey, SigningKey, verifySignature } from './signing-key';

/** Checkpoints are events in the store itself: part of history, chained like any event, on every adapter. */
export const CHECKPOINT_STREAM = 'integrity-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'IntegrityCheckpointRecorded';

/** The signed statement: "the chain's first `count` events end in `head`, the last of them at `position`". */
export interface CheckpointClaim {
  readonly count: bigint;
  readonly position: string;
  readonly eventId: string;
  readonly head: string;
  readonly signedAt: string;
}

export interface SignedCheckpoint extends CheckpointClaim {
  readonly keyId: string;
  readonly algorithm: 'Ed25519';
  readonly signature: string;
}

const STATEMENT = 'samverkan-integrity-checkpoint/v1';

/** What is signed: the claim and the key id, canonically encoded, with a statement tag so the bytes mean nothing else. */
function signedMessage(claim: CheckpointClaim, keyId: string): string {
  const { count, position, eventId, head, signedAt } = claim;
  return canonicalJson({ statement: STATEMENT, algorithm: 'Ed25519', keyId, count, position, eventId, head, signedAt });
}

export function signCheckpoint(claim: CheckpointClaim, key: SigningKey): SignedCheckpoint {
  const keyId = key.publicKey.keyId;
  return { ...claim, keyId, algorithm: 'Ed25519', signature: key.sign(signedMessage(claim, keyId)) };
}

export function checkpointSignatureValid(checkpoint: SignedCheckpoint, key: PublicSigningKey): boolean {
  return checkpoint.keyId === key.keyId && verifySignature(key, signedMessage(checkpoint, key.keyId), checkpoint.signature);
}

export function checkpointToData(c: SignedCheckpoint): JsonObject {
  const { position, eventId, head, signedAt, keyId, algorithm, signature } = c;
  return { count: c.count.toString(), position, eventId, head, signedAt, keyId, algorithm, signature };
}

export function checkpointFromData(data: JsonObject): SignedCheckpoint {
  const text = (key: string): string => {
    const value = data[key];
    if (typeof value !== 'string') throw new Error(`Checkpoint field ${key} is missing`);
    return value;
  };
  return {
    count: BigInt(text('count')),
    position: text('position'),
    eventId: text('eventId'),
    head: text('head'),
    signedAt: text('signedAt'),
    keyId: text('keyId'),
    algorithm: 'Ed25519',
    signature: text('signature'),
  };
}

/**
 * A signed checkpoint together with where its own event is stored: how the
 * service keeps its latest checkpoint outside the event store, and how an
 * auditor saves one (a JSON file for `verify --expect-checkpoint`). Where the
 * event sits is not signed; it only tells the verifier where to look.
 */
export interface KeptCheckpoint extends SignedCheckpoint {
  /** "commit/prepare" of the IntegrityCheckpointRecorded event. */
  readonly eventPosition: string;
  /** Its revision in the checkpoint stream. */
  readonly eventRevision: bigint;
}

export const KEPT_CHECKPOINT_FORMAT = 'samverkan-integrity-checkpoint';

export function keptCheckpointToJson(c: KeptCheckpoint): JsonObject {
  return { format: KEPT_CHECKPOINT_FORMAT, ...checkpointToData(c), eventPosition: c.eventPosition, eventRevision: c.eventRevision.toString() };
}

export function keptCheckpointFromJson(json: JsonObject): KeptCheckpoint {
  const { eventPosition, eventRevision } = json;
  if (typeof eventPosition !== 'string' || typeof eventRevision !== 'string') throw new Error('Not a kept checkpoint: eventPosition or eventRevision is missing');
  return { ...checkpointFromData(json), eventPosition, eventRevision: BigInt(eventRevision) };
}

/** A saved checkpoint as text: the JSON `verify --save-checkpoint` writes (a checkpoint line of an export works too). */
export function parseSavedCheckpoint(text: string): SignedCheckpoint {
  return checkpointFromData(JSON.parse(text) as JsonObject);
}

/** A signed checkpoint kept outside the store (the service's own copy, an auditor's saved file), and where it came from. */
export interface ExpectedCheckpoint {
  readonly checkpoint: SignedCheckpoint;
  readonly source: string;
}
