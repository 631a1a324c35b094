import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, EventStore, JsonObject, RecordedEvent } from '../../event-store/event-store.port';
import { positionToString } from '../../event-store/position';
import { JsonValue } from '../../shared/domain/json';
import { AUDITED_STREAMS, AuditedKind } from './audited-streams';
import { toPlainJson } from './plain-state';
import { businessTimeOf } from './business-time.upcast';
import { foldEvents, foldStream, FoldStep, readAuditedStream } from './stream-fold';

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

const eventTime = (event: RecordedEvent, axis: TimeAxis): Date => (axis === 'recorded' ? event.recordedAt : businessTimeOf(event));

/**
 * Anything as it was at an instant or revision, folded from its stream (never
 * read from a stored copy).
 *
 * By recorded time (or revision) that is a prefix of the stream, as the decider
 * saw it then: folding stops at the first event past the point.
 *
 * By business time (the default) events are not in order: an activity of
 * 10 March entered today comes after one of 20 March. So every event whose
 * business time is at or before the instant is folded, in stream order, and
 * later ones are left out. The one exception is the event that created the
 * thing: a promise drafted today (business time now) for an adoption of 2016
 * existed by 2016, so the first event counts whenever anything after it does.
 * Corrections are never dated before what they correct (business-time.ts), so
 * an included correction always finds its entry.
 */
@Injectable()
export class TimeTravelService {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async asOf(kind: AuditedKind, id: string, query: AsOfQuery): Promise<Snapshot> {
    const { streamOf, decider } = AUDITED_STREAMS[kind];
    const axis = query.axis ?? 'occurred';
    const beforeRevision = (event: RecordedEvent) => query.revision === undefined || event.revision <= query.revision;
    const atOrBefore = (event: RecordedEvent) => query.at === undefined || eventTime(event, axis).getTime() <= query.at.getTime();
    const steps: AsyncIterable<FoldStep> =
      axis === 'recorded'
        ? foldStream(this.store, streamOf(id), decider, (event) => beforeRevision(event) && atOrBefore(event))
        : foldEvents(byBusinessTime(readAuditedStream(this.store, streamOf(id)), beforeRevision, atOrBefore), decider);
    const activities = kind === 'promise' ? new Map<string, ActivityAsOf>() : null;
    let state = decider.initialState();
    let last: RecordedEvent | null = null;
    let lastEventAt: Date | null = null;
    for await (const step of steps) {
      state = step.after;
      last = step.event;
      const time = eventTime(step.event, axis);
      // The creating event may count with a later business time than the instant asked for.
      if (atOrBefore(step.event) && (lastEventAt === null || time > lastEventAt)) lastEventAt = time;
      if (activities) collectActivity(activities, step.event);
    }
    return {
      streamName: streamOf(id),
      exists: last !== null,
      revision: last?.revision ?? null,
      position: last ? positionToString(last.position) : null,
      lastEventAt: last ? (lastEventAt ?? eventTime(last, axis)) : null,
      state: toPlainJson(state),
      activities: activities ? [...activities.values()] : null,
    };
  }
}

/** The events of a stream in business time up to an instant: see TimeTravelService. */
async function* byBusinessTime(
  events: AsyncIterable<RecordedEvent>,
  beforeRevision: (event: RecordedEvent) => boolean,
  atOrBefore: (event: RecordedEvent) => boolean,
): AsyncGenerator<RecordedEvent> {
  let creation: RecordedEvent | null = null;
  for await (const event of events) {
    if (!beforeRevision(event)) return;
    if (event.revision === 0n) {
      creation = event;
      if (!atOrBefore(event)) continue;
    } else if (!atOrBefore(event)) continue;
    if (creation && creation !== event) yield creation;
    creation = null;
    yield event;
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
