import { RecordedEvent } from '../../event-store/event-store.port';

/**
 * Upcaster for the business time of events written before commands carried
 * one, or by writers that never did (metadata without a valid `occurredAt`):
 * they fall back to the instant the store recorded them, the best statement of
 * when they happened that such an event makes. Applied where events are read
 * for audit (history, time travel, the audit log), never to the stored event:
 * the authenticator and hash chain cover the metadata as written.
 */
export function withBusinessTime(event: RecordedEvent): RecordedEvent {
  const given = event.metadata.occurredAt;
  if (typeof given === 'string' && !Number.isNaN(Date.parse(given))) return event;
  return { ...event, metadata: { ...event.metadata, occurredAt: event.recordedAt.toISOString(), occurredAtFromRecordedTime: true } };
}

/** The business instant of an event, upcast as above. */
export function businessTimeOf(event: RecordedEvent): Date {
  return new Date(withBusinessTime(event).metadata.occurredAt as string);
}
