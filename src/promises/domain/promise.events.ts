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

/** Several responsible organisations = a joint activity ("Tillsammans kommer vi ..."). */
export type PlannedActivity = { plannedActivityId: string; description: string; responsibleOrganisationIds: string[] };
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

/** Förlängning into the next period; `revisedActivities: null` keeps the current plan. */
export type PromiseExtended = DomainEvent<
  'PromiseExtended',
  { promiseId: string; newPeriod: Period; reason: string; revisedActivities: PlannedActivity[] | null }
>;

export type PromiseWithdrawn = DomainEvent<
  'PromiseWithdrawn',
  { promiseId: string; withdrawnOn: LocalDate; reason: string }
>;

/** One activity-log entry. Entries are corrected by later events, never deleted. */
export type ActivityLogged = DomainEvent<
  'ActivityLogged',
  {
    promiseId: string;
    entryId: string;
    date: LocalDate;
    kind: ActivityKind;
    responsibleOrganisationId: string;
    count: number;
    place: string | null;
    outcome: string | null;
    notes: string | null;
    plannedActivityId: string | null;
  }
>;

export type PromiseEvent = JsonEvents<
  PromiseDrafted | PromiseAdopted | PromiseExtended | PromiseWithdrawn | ActivityLogged
>;
