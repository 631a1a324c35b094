import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, RecordedEvent } from '../../event-store/event-store.port';
import { positionToString } from '../../event-store/position';
import { JsonValue } from '../../shared/domain/json';
import { AuditMetadata, readAuditMetadata } from '../audit-log/event-metadata';
import { AUDITED_STREAMS, AuditedKind } from './audited-streams';
import { businessTimeOf } from './business-time.upcast';
import { toPlainJson } from './plain-state';
import { diffStates, FieldChange } from './state-diff';
import { foldStream } from './stream-fold';
import type { TimeAxis } from './time-travel.service';

export interface HistoryOptions {
  fromRevision?: bigint;
  maxCount?: number;
  /** Only events within [from, to] on `axis` (business time by default); the states are still folded from the start. */
  from?: Date;
  to?: Date;
  axis?: TimeAxis;
}

export interface HistoryEntry extends AuditMetadata {
  readonly streamName: string;
  readonly revision: bigint;
  readonly position: string;
  readonly eventId: string;
  readonly type: string;
  readonly recordedAt: Date;
  readonly data: JsonValue;
  readonly stateBefore: JsonValue;
  readonly stateAfter: JsonValue;
  readonly changes: FieldChange[];
  readonly foldError: string | null;
}

export const MAX_HISTORY_PAGE = 1000;

/** Every event of one thing, with who/when/why and what it changed, folded by the thing's own decider. */
@Injectable()
export class HistoryService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /**
   * Events from `fromRevision` on, at most `maxCount`, in stream order (the
   * order the decider saw them, so each state before/after is the one it
   * decided on), optionally only those within a range of business or recorded time.
   */
  async history(kind: AuditedKind, id: string, options: HistoryOptions = {}): Promise<HistoryEntry[]> {
    const { streamOf, decider } = AUDITED_STREAMS[kind];
    const from = options.fromRevision ?? 0n;
    const maxCount = Math.min(options.maxCount ?? 100, MAX_HISTORY_PAGE);
    const entries: HistoryEntry[] = [];
    let plainBefore: JsonValue | undefined;
    const within = timeRange(options);
    for await (const step of foldStream(this.store, streamOf(id), decider, () => entries.length < maxCount)) {
      if (step.event.revision < from || !within(step.event)) {
        plainBefore = undefined; // the next entry's state before is not the last one shown
        continue;
      }
      const before = plainBefore ?? toPlainJson(step.before);
      const after = toPlainJson(step.after);
      plainBefore = after;
      entries.push(toEntry(step.event, before, after, step.error));
    }
    return entries;
  }
}

function timeRange({ from, to, axis = 'occurred' }: HistoryOptions): (event: RecordedEvent) => boolean {
  if (!from && !to) return () => true;
  return (event) => {
    const time = (axis === 'recorded' ? event.recordedAt : businessTimeOf(event)).getTime();
    return (!from || time >= from.getTime()) && (!to || time <= to.getTime());
  };
}

function toEntry(event: RecordedEvent, before: JsonValue, after: JsonValue, foldError: string | null): HistoryEntry {
  return {
    ...readAuditMetadata(event.metadata),
    streamName: event.streamName,
    revision: event.revision,
    position: positionToString(event.position),
    eventId: event.id,
    type: event.type,
    recordedAt: event.recordedAt,
    data: event.data,
    stateBefore: before,
    stateAfter: after,
    changes: diffStates(before, after),
    foldError,
  };
}
