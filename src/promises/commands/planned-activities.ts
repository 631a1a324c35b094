import { deterministicUuid } from '../../shared/commands/deterministic-id';
import { PlannedActivity } from '../domain/promise.events';
import { PlannedActivityInput } from './planned-activity.input';

/** Gives each activity without an id one derived from the command, so retries keep the same ids. */
export function toPlannedActivities(inputs: PlannedActivityInput[], commandId: string): PlannedActivity[] {
  return inputs.map((a, i) => ({
    plannedActivityId: a.plannedActivityId ?? deterministicUuid('planned-activity', commandId, String(i)),
    description: a.description,
    responsibleOrganisationIds: a.responsibleOrganisationIds,
    target: a.target ? { quantity: a.target.quantity, per: a.target.per, text: a.target.text } : null,
    indicators: (a.indicators ?? []).map(({ indicatorId, name, kind, unit, baseline, target, source }) => ({
      indicatorId, name, kind, unit, baseline: baseline ?? null, target: target ?? null, source: source ?? null,
    })),
  }));
}
