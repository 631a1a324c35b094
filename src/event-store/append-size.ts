/**
 * How big an append is, measured as EventStoreDB measures it (the bytes of
 * each event's data and metadata, and its type), and how to keep appends
 * that may grow (the read-access log) under the limit: EventStoreDB refuses
 * one over MaxAppendSize, 1 MiB by default.
 */
import { EventToAppend } from './event-store.port';

/** EventStoreDB's default MaxAppendSize. */
export const MAX_APPEND_BYTES = 1024 * 1024;

export const eventBytes = (event: Pick<EventToAppend, 'type' | 'data' | 'metadata'>) =>
  Buffer.byteLength(JSON.stringify(event.data)) + Buffer.byteLength(JSON.stringify(event.metadata)) + Buffer.byteLength(event.type);

export const appendBytes = (events: readonly Pick<EventToAppend, 'type' | 'data' | 'metadata'>[]) =>
  events.reduce((sum, event) => sum + eventBytes(event), 0);

/** Consecutive groups of events, each at most `maxBytes` (an event bigger than that alone is a group of its own). */
export function splitBySize<E extends Pick<EventToAppend, 'type' | 'data' | 'metadata'>>(events: readonly E[], maxBytes: number): E[][] {
  const groups: E[][] = [];
  let current: E[] = [];
  let size = 0;
  for (const event of events) {
    const bytes = eventBytes(event);
    if (current.length > 0 && size + bytes > maxBytes) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(event);
    size += bytes;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
