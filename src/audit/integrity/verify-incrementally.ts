import { EventStore } from '../../event-store/event-store.port';
import { positionToString } from '../../event-store/position';
import { CHECKPOINT_STREAM, checkpointFromData, checkpointSignatureValid, KeptCheckpoint } from './checkpoint';
import { EventMacKey } from './event-authenticator';
import { IntegrityRecords } from './integrity-records';
import { PublicSigningKey } from './signing-key';
import { verifyStore } from './verify-store';
import { VerifyReport } from './verify-report';

/**
 * The service's check of itself (at start and every few minutes): only what
 * came after the checkpoint it last verified (kept outside the store), so it
 * costs the tail, not the history. That checkpoint's event must still be in
 * the store; the events after it must chain on from it, match the links
 * recorded for them and every later signed checkpoint, and carry valid
 * authenticators. Without a kept checkpoint (lost records) it starts from the
 * store's latest validly signed one; without any, from the first event.
 */
export async function verifyIncrementally(
  store: EventStore,
  records: IntegrityRecords,
  keys: readonly PublicSigningKey[],
  eventKeys: readonly EventMacKey[],
): Promise<VerifyReport> {
  const anchor = (await records.latestCheckpoint()) ?? (await latestStoredCheckpoint(store, keys));
  const from = anchor && { count: anchor.count, head: anchor.head, position: anchor.position, anchor };
  return verifyStore(store, { keys, eventKeys, records, from });
}

/** The newest checkpoint in the store, if its signature holds (if not, the whole chain is verified, and says so). */
async function latestStoredCheckpoint(store: EventStore, keys: readonly PublicSigningKey[]): Promise<KeptCheckpoint | undefined> {
  const [event] = await store.readStream(CHECKPOINT_STREAM, { direction: 'backwards', maxCount: 1 });
  if (!event) return undefined;
  const checkpoint = checkpointFromData(event.data);
  const key = keys.find((k) => k.keyId === checkpoint.keyId);
  if (!key || !checkpointSignatureValid(checkpoint, key)) return undefined;
  return { ...checkpoint, eventPosition: positionToString(event.position), eventRevision: event.revision };
}
