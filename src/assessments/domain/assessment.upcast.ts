import type { RecordedDomainEvent } from '../../shared/domain/decider';
import type { AssessmentEvent } from './assessment.events';

/**
 * An assessment event as stored, in the current shape. AssessmentStarted
 * recorded before issue 13 did not name who started it; the organisation of
 * the actor in its metadata did, and owns an assessment made without an
 * agreement. Used by the decider and the projection alike, so the write side,
 * the live read model and a rebuild agree on the owner.
 */
export function upcastAssessmentEvent(recorded: RecordedDomainEvent): AssessmentEvent {
  const event = { type: recorded.type, data: recorded.data } as AssessmentEvent;
  if (event.type !== 'AssessmentStarted' || event.data.startedByOrganisationId !== undefined) return event;
  return { type: event.type, data: { ...event.data, startedByOrganisationId: actorOrganisation(recorded.metadata) } };
}

function actorOrganisation(metadata: RecordedDomainEvent['metadata']): string | null {
  const actor = metadata.actor as { organisationId?: unknown } | undefined;
  return typeof actor?.organisationId === 'string' && actor.organisationId ? actor.organisationId : null;
}
