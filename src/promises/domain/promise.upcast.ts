import type { ActivityLogged, PlannedActivity, PromiseEvent } from './promise.events';

type PlannedActivityV1 = Omit<PlannedActivity, 'target' | 'indicators'> & Partial<Pick<PlannedActivity, 'target' | 'indicators'>>;
type ActivityLoggedV1 = Omit<ActivityLogged['data'], 'hours' | 'cost'> & Partial<Pick<ActivityLogged['data'], 'hours' | 'cost'>>;

/** Any promise event as stored, v1 shapes included (see promise.events.v1.ts). */
export type StoredPromiseEvent = PromiseEvent | { type: string; data: unknown };

export const upcastPlannedActivity = (activity: PlannedActivityV1): PlannedActivity => ({
  ...activity,
  target: activity.target ?? null,
  indicators: activity.indicators ?? [],
});

/** Brings a stored event to the current shape: v1 plans had no target/indicators, v1 entries no hours/cost, v1 extensions no decision. */
export function upcastPromiseEvent(stored: StoredPromiseEvent): PromiseEvent {
  const event = stored as PromiseEvent;
  switch (event.type) {
    case 'PromiseDrafted':
      return { type: event.type, data: { ...event.data, plannedActivities: event.data.plannedActivities.map(upcastPlannedActivity) } };
    case 'PromiseExtended': {
      const revised = event.data.revisedActivities;
      const decision = event.data.decision ?? null; // absent before decisions were recorded
      return { type: event.type, data: { ...event.data, revisedActivities: revised && revised.map(upcastPlannedActivity), decision } };
    }
    case 'ActivityLogged': {
      const data = event.data as ActivityLoggedV1;
      if (data.hours !== undefined && data.cost !== undefined) return event;
      return { type: event.type, data: { ...data, hours: data.hours ?? null, cost: data.cost ?? null } };
    }
    default:
      return event;
  }
}
