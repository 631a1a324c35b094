import { assertNever } from '../../shared/domain/decider';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type { AssessmentEvent, FocusArea } from './assessment.events';

export type ExistingAssessment = {
  readonly status: 'InProgress' | 'Completed';
  readonly assessmentId: string;
  readonly agreementId: string | null;
  readonly period: Period | null;
  readonly partyIds: readonly string[];
  /** Whose working material it is: the agreement's parties, or (without an agreement) the organisation that started it. */
  readonly organisationIds: readonly string[];
  readonly sourceIds: readonly string[];
  readonly problemIds: readonly string[];
  readonly focusAreas: readonly FocusArea[];
  readonly completedOn: LocalDate | null;
};

export type AssessmentState = { readonly status: 'None' } | ExistingAssessment;

function started(state: AssessmentState, eventType: string): ExistingAssessment {
  if (state.status === 'None') throw new Error(`${eventType} before AssessmentStarted`);
  return state;
}

export function evolveAssessment(state: AssessmentState, event: AssessmentEvent): AssessmentState {
  switch (event.type) {
    case 'AssessmentStarted': {
      const { assessmentId, agreementId, period, partyIds, startedByOrganisationId } = event.data;
      const organisationIds = agreementId ? partyIds : startedByOrganisationId ? [startedByOrganisationId] : [];
      return { status: 'InProgress', assessmentId, agreementId, period, partyIds, organisationIds, sourceIds: [], problemIds: [], focusAreas: [], completedOn: null };
    }
    case 'AssessmentSourceAdded': {
      const current = started(state, event.type);
      return { ...current, sourceIds: [...current.sourceIds, event.data.sourceId] };
    }
    case 'ProblemIdentified': {
      const current = started(state, event.type);
      return { ...current, problemIds: [...current.problemIds, event.data.problemId] };
    }
    case 'FocusAreasPrioritised':
      return { ...started(state, event.type), focusAreas: event.data.focusAreas };
    case 'AssessmentCompleted':
      return { ...started(state, event.type), status: 'Completed', completedOn: event.data.completedOn };
    default:
      return assertNever(event);
  }
}
