import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, JsonObject, RecordedEvent } from '../../event-store/event-store.port';
import { positionToString } from '../../event-store/position';
import { JsonValue } from '../../shared/domain/json';
import { AUDITED_STREAMS, AuditedKind } from './audited-streams';
import { toPlainJson } from './plain-state';
import { foldStream } from './stream-fold';

/** Which clock "as of" reads: when the store recorded each event, or the business time its command carried. */
export type TimeAxis = 'recorded' | 'occurred';

export interface AsOfQuery {
  /** Fold events up to and including this instant on `axis`. */
  readonly at?: Date;
  /** Fold events up to and including this revision. */
  readonly revision?: bigint;
  readonly axis?: TimeAxis;
}

/** An activity-log entry as it stood: its data merged from every event that named its `entryId`, in order. */
export interface ActivityAsOf {
  readonly entryId: string;
  readonly data: JsonObject;
  readonly eventTypes: string[];
}

export interface Snapshot {
  readonly streamName: string;
  /** False when nothing had happened to it yet at that point. */
  readonly exists: boolean;
  readonly revision: bigint | null;
  readonly position: string | null;
  readonly lastEventAt: Date | null;
  readonly state: JsonValue;
  readonly activities: ActivityAsOf[] | null;
}

const eventTime = (event: RecordedEvent, axis: TimeAxis): Date | null => {
  if (axis === 'recorded') return event.recordedAt;
  const occurred = event.metadata.occurredAt;
  return typeof occurred === 'string' ? new Date(occurred) : null;
};

/**
 * Anything as it was at an instant or revision, folded from its stream up to
 * that point (never read from a stored copy). Folding stops at the first event
 * past the point, so it is a prefix of the stream, as the decider saw it then.
 */
@Injectable()
export class TimeTravelService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async asOf(kind: AuditedKind, id: string, query: AsOfQuery): Promise<Snapshot> {
    const { streamOf, decider } = AUDITED_STREAMS[kind];
    const axis = query.axis ?? 'recorded';
    const within = (event: RecordedEvent) => {
      if (query.revision !== undefined && event.revision > query.revision) return false;
      const time = eventTime(event, axis);
      return query.at === undefined || (time !== null && time.getTime() <= query.at.getTime());
    };
    const activities = kind === 'promise' ? new Map<string, ActivityAsOf>() : null;
    let state = decider.initialState();
    let last: RecordedEvent | null = null;
    for await (const step of foldStream(this.store, streamOf(id), decider, within)) {
      state = step.after;
      last = step.event;
      if (activities) collectActivity(activities, step.event);
    }
    return {
      streamName: streamOf(id),
      exists: last !== null,
      revision: last?.revision ?? null,
      position: last ? positionToString(last.position) : null,
      lastEventAt: last ? eventTime(last, axis) : null,
      state: toPlainJson(state),
      activities: activities ? [...activities.values()] : null,
    };
  }
}

/** Structural on purpose: any event whose data names an `entryId` (logged, corrected, ...) shapes that entry. */
function collectActivity(activities: Map<string, ActivityAsOf>, event: RecordedEvent): void {
  const entryId = event.data.entryId;
  if (typeof entryId !== 'string') return;
  const previous = activities.get(entryId);
  activities.set(entryId, {
    entryId,
    data: { ...(previous?.data ?? {}), ...event.data },
    eventTypes: [...(previous?.eventTypes ?? []), event.type],
  });
}
