import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';
import type { LocalDate, Period } from '../../shared/domain/value-objects';

/** Where the picture comes from (Brå: each party maps its own sources, then they are merged). */
export const SOURCE_KINDS = ['ReportedCrime', 'SafetySurvey', 'CitizenDialogue', 'StaffDialogue', 'OtherLocalData'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export type FocusArea = { focusAreaId: string; name: string; problemIds: string[] };

/** A (joint) situation assessment — lägesbild — for an agreement, a period, or both. */
export type AssessmentStarted = DomainEvent<
  'AssessmentStarted',
  {
    assessmentId: string;
    title: string;
    agreementId: string | null;
    period: Period | null;
    partyIds: string[];
    /** Who started it; absent in events recorded before issue 13 (such an assessment without an agreement has no owner). */
    startedByOrganisationId?: string | null;
  }
>;

export type AssessmentSourceAdded = DomainEvent<
  'AssessmentSourceAdded',
  { assessmentId: string; sourceId: string; kind: SourceKind; summary: string; providedByOrganisationId: string | null }
>;

/** A problem with its cause analysis (orsaksanalys). */
export type ProblemIdentified = DomainEvent<
  'ProblemIdentified',
  { assessmentId: string; problemId: string; description: string; causeAnalysis: string }
>;

/** The whole prioritised list, most important first; a later event replaces it. */
export type FocusAreasPrioritised = DomainEvent<'FocusAreasPrioritised', { assessmentId: string; focusAreas: FocusArea[] }>;

export type AssessmentCompleted = DomainEvent<'AssessmentCompleted', { assessmentId: string; completedOn: LocalDate }>;

export type AssessmentEvent = JsonEvents<
  AssessmentStarted | AssessmentSourceAdded | ProblemIdentified | FocusAreasPrioritised | AssessmentCompleted
>;
