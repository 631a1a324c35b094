import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type { FocusArea, SourceKind } from './assessment.events';

/** What the handler read from the agreement stream (`status: 'None'` when there is none). */
export type AssessedAgreement = { agreementId: string; status: string; partyIds: string[] };

export type StartAssessment = DomainCommand<
  'StartAssessment',
  {
    assessmentId: string;
    title: string;
    agreement: AssessedAgreement | null;
    period: Period | null;
    /** The starter's organisation (from their token): owns an assessment made without an agreement. */
    startedByOrganisationId?: string | null;
  }
>;

export type AddAssessmentSource = DomainCommand<
  'AddAssessmentSource',
  { assessmentId: string; sourceId: string; kind: SourceKind; summary: string; providedByOrganisationId: string | null }
>;

export type IdentifyProblem = DomainCommand<
  'IdentifyProblem',
  { assessmentId: string; problemId: string; description: string; causeAnalysis: string }
>;

export type PrioritiseFocusAreas = DomainCommand<'PrioritiseFocusAreas', { assessmentId: string; focusAreas: FocusArea[] }>;

export type CompleteAssessment = DomainCommand<'CompleteAssessment', { assessmentId: string; completedOn: LocalDate }>;

export type AssessmentCommand = StartAssessment | AddAssessmentSource | IdentifyProblem | PrioritiseFocusAreas | CompleteAssessment;
