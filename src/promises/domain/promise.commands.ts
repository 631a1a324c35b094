import type { DomainCommand } from '../../shared/domain/command';
import type { LocalDate, Period } from '../../shared/domain/value-objects';
import type {
  ActivityFields, ActivityStatusReport, ExtensionDecision, ActivityTarget, Indicator, IndicatorMeasurement, PlannedFollowUp,
  PromiseAdopted, PromiseCompleted, PromisePublished, PromiseWithdrawn,
} from './promise.events';

/**
 * What the handler read from the agreement stream when drafting. `status` is a
 * plain string ('Active', ...) so this context does not import the agreement
 * context's types; the promise only needs to know whether it is 'Active'.
 */
export type AgreementSnapshot = {
  agreementId: string;
  status: string;
  partyIds: string[];
  validFrom: LocalDate;
  validTo: LocalDate | null;
};

/** A planned activity as given in a command; target and indicators may be left out (none). */
export type PlannedActivityToAdopt = {
  plannedActivityId: string;
  description: string;
  responsibleOrganisationIds: string[];
  target?: ActivityTarget | null;
  indicators?: Indicator[];
};

export type DraftPromise = DomainCommand<
  'DraftPromise',
  {
    promiseId: string;
    title: string;
    agreement: AgreementSnapshot;
    period: Period;
    rationale: string | null;
    focusAreas: string[];
    plannedActivities: PlannedActivityToAdopt[];
  }
>;

/** These commands carry exactly what the event they cause records. */
export type AdoptPromise = DomainCommand<'AdoptPromise', PromiseAdopted['data']>;

export type PublishPromise = DomainCommand<'PublishPromise', PromisePublished['data']>;

export type ExtendPromise = DomainCommand<
  'ExtendPromise',
  { promiseId: string; newPeriod: Period; reason: string; revisedActivities: PlannedActivityToAdopt[] | null; decision: ExtensionDecision | null }
>;

export type WithdrawPromise = DomainCommand<'WithdrawPromise', PromiseWithdrawn['data']>;

export type CompletePromise = DomainCommand<'CompletePromise', PromiseCompleted['data']>;

/** What the handler read from the assessment stream (`status: 'None'` when there is none). */
export type AssessmentSnapshot = { assessmentId: string; status: string; agreementId: string | null; focusAreaIds: string[] };

export type LinkFocusAreas = DomainCommand<
  'LinkFocusAreas',
  { promiseId: string; assessment: AssessmentSnapshot; focusAreaIds: string[] }
>;

/** What an activity-log entry records; hours and cost (added in v2) may be left out. */
type ActivityInput = Omit<ActivityFields, 'hours' | 'cost'> & Partial<Pick<ActivityFields, 'hours' | 'cost'>>;

export type LogActivity = DomainCommand<'LogActivity', { promiseId: string; entryId: string } & ActivityInput>;

export type CorrectActivity = DomainCommand<
  'CorrectActivity',
  { promiseId: string; entryId: string; correctsEntryId: string; reason: string } & ActivityInput
>;

export type PlanFollowUps = DomainCommand<
  'PlanFollowUps',
  { promiseId: string; followUps: PlannedFollowUp[]; finalReportDueOn: LocalDate }
>;

export type RecordFollowUp = DomainCommand<
  'RecordFollowUp',
  {
    promiseId: string;
    followUpId: string;
    reportedOn: LocalDate;
    summary: string;
    activityStatuses: ActivityStatusReport[];
    measurements: IndicatorMeasurement[];
    communicatedToCitizens: string | null;
    communicationChannels: string[];
  }
>;

export type SubmitFinalReport = DomainCommand<'SubmitFinalReport', { promiseId: string; submittedOn: LocalDate; summary: string }>;

export type PromiseCommand =
  | DraftPromise
  | AdoptPromise
  | PublishPromise
  | ExtendPromise
  | WithdrawPromise
  | CompletePromise
  | LinkFocusAreas
  | LogActivity
  | CorrectActivity
  | PlanFollowUps
  | RecordFollowUp
  | SubmitFinalReport;
