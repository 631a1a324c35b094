import type { DomainEvent } from '../../shared/domain/decider';
import type { JsonEvents } from '../../shared/domain/json';
import type { LocalDate, Period } from '../../shared/domain/value-objects';

/** Known kinds of logged activity (the Brå/Polisen vocabulary); 'Other' keeps the log open to the rest. */
export const ACTIVITY_KINDS = [
  'DetectionDogSearch', // hundsök
  'SafetyWalk', // trygghetsvandring
  'StrategyMeeting', // e.g. SSPF: school, social services, police, leisure
  'SocialInterventionGroup', // SIG
  'SchoolContact',
  'TrafficCheck',
  'AlcoholTobaccoInspection',
  'NightWalk',
  'ParentMeeting',
  'CitizenDialogue',
  'Other',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const TARGET_PERIODS = ['Year', 'Period'] as const;
export const INDICATOR_KINDS = ['Output', 'Outcome', 'Process'] as const;
export const FOLLOW_UP_STATUSES = ['NotStarted', 'OnTrack', 'Behind', 'Done'] as const;

/** A quantified target as the promise words it: "at least three times a year" = { 3, 'Year' }. */
export type ActivityTarget = { quantity: number; per: (typeof TARGET_PERIODS)[number]; text: string };
/** What is measured: output (walks held), outcome (feels unsafe at night), process (meetings with SSPF). */
export type Indicator = {
  indicatorId: string;
  name: string;
  kind: (typeof INDICATOR_KINDS)[number];
  unit: string;
  baseline: number | null;
  target: number | null;
  source: string | null;
};

/**
 * Several responsible organisations = a joint activity ("Tillsammans kommer vi ...").
 * v2 added `target` and `indicators`; v1 plans are upcast (null, []) — see promise.upcast.ts.
 */
export type PlannedActivity = {
  plannedActivityId: string;
  description: string;
  responsibleOrganisationIds: string[];
  target: ActivityTarget | null;
  indicators: Indicator[];
};
export type PromiseSignatory = { name: string; title: string; organisationId: string };

/** Carries the agreement id and its parties so the promise stream can be read and checked on its own. */
export type PromiseDrafted = DomainEvent<
  'PromiseDrafted',
  {
    promiseId: string;
    title: string;
    agreementId: string;
    partyIds: string[];
    period: Period;
    rationale: string | null;
    focusAreas: string[];
    plannedActivities: PlannedActivity[];
  }
>;

export type PromiseAdopted = DomainEvent<
  'PromiseAdopted',
  { promiseId: string; adoptedOn: LocalDate; place: string | null; signatories: PromiseSignatory[] }
>;

/** Made public to citizens (web, local paper, meetings ...). */
export type PromisePublished = DomainEvent<'PromisePublished', { promiseId: string; publishedOn: LocalDate; channels: string[] }>;

/** Who decided an extension, when, and under which reference in their minutes (e.g. "KS 2018-12-10 § 187"). */
export type ExtensionDecision = { decidedBy: string; decidedOn: LocalDate; reference: string | null };

/**
 * Förlängning into the next period; `revisedActivities: null` keeps the current plan.
 * `decision` was added later: events stored before it (and extensions entered without one) carry null.
 */
export type PromiseExtended = DomainEvent<
  'PromiseExtended',
  { promiseId: string; newPeriod: Period; reason: string; revisedActivities: PlannedActivity[] | null; decision: ExtensionDecision | null }
>;

export type PromiseWithdrawn = DomainEvent<'PromiseWithdrawn', { promiseId: string; withdrawnOn: LocalDate; reason: string }>;

/** Done: the period is over and its final report is in. */
export type PromiseCompleted = DomainEvent<'PromiseCompleted', { promiseId: string; completedOn: LocalDate }>;

/** The prioritised focus areas of a situation assessment this promise answers. */
export type PromiseLinkedToFocusAreas = DomainEvent<
  'PromiseLinkedToFocusAreas',
  { promiseId: string; assessmentId: string; focusAreaIds: string[] }
>;

export type ActivityFields = {
  date: LocalDate;
  kind: ActivityKind;
  responsibleOrganisationId: string;
  count: number;
  place: string | null;
  outcome: string | null;
  notes: string | null;
  plannedActivityId: string | null;
  hours: number | null;
  cost: number | null;
};

/** One activity-log entry (v2 added hours and cost). Entries are corrected by later events, never deleted. */
export type ActivityLogged = DomainEvent<'ActivityLogged', { promiseId: string; entryId: string } & ActivityFields>;

/** A new entry that supersedes `correctsEntryId`; the original stays in the history. */
export type ActivityCorrected = DomainEvent<
  'ActivityCorrected',
  { promiseId: string; entryId: string; correctsEntryId: string; reason: string } & ActivityFields
>;

export type PlannedFollowUp = { followUpId: string; dueOn: LocalDate; label: string };

/** The follow-up points for the current period (May and September, or tertials) and the final report's due date. */
export type FollowUpsPlanned = DomainEvent<
  'FollowUpsPlanned',
  { promiseId: string; period: Period; followUps: PlannedFollowUp[]; finalReportDueOn: LocalDate }
>;

export type ActivityStatusReport = { plannedActivityId: string; status: (typeof FOLLOW_UP_STATUSES)[number]; comment: string | null };
export type IndicatorMeasurement = { indicatorId: string; value: number; measuredOn: LocalDate; note: string | null };

export type FollowUpRecorded = DomainEvent<
  'FollowUpRecorded',
  {
    promiseId: string;
    followUpId: string;
    reportedOn: LocalDate;
    summary: string;
    activityStatuses: ActivityStatusReport[];
    measurements: IndicatorMeasurement[];
    /** What citizens were told, and where (web, local paper, citizen dialogue). */
    communicatedToCitizens: string | null;
    communicationChannels: string[];
  }
>;

export type FinalReportSubmitted = DomainEvent<
  'FinalReportSubmitted',
  { promiseId: string; period: Period; submittedOn: LocalDate; dueOn: LocalDate | null; summary: string }
>;

export type PromiseEvent = JsonEvents<
  | PromiseDrafted
  | PromiseAdopted
  | PromisePublished
  | PromiseExtended
  | PromiseWithdrawn
  | PromiseCompleted
  | PromiseLinkedToFocusAreas
  | ActivityLogged
  | ActivityCorrected
  | FollowUpsPlanned
  | FollowUpRecorded
  | FinalReportSubmitted
>;
