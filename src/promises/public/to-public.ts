import { Connection } from '../../shared/graphql/connection';
import { FinalReport, FollowUp } from '../graphql/follow-up.types';
import { ActivityLogEntry, CitizenPromise } from '../graphql/promise.types';
import { PublicActivity, PublicFinalReport, PublicFollowUp, PublicPromise } from './public.types';

/*
 * Field by field, never by spreading: only what is listed here reaches the
 * public. Log notes, hours, costs, comments and correction reasons stay behind.
 */

/** A promise citizens see (publicPromise): published and not withdrawn. Its signatories' names are public then. */
export const isPublicPromise = (p: { publishedOn: string | null; status: string }): boolean => p.publishedOn !== null && p.status !== 'Withdrawn';

export const toPublicPromise = (p: CitizenPromise): PublicPromise => ({
  id: p.id,
  title: p.title,
  status: p.status,
  rationale: p.rationale,
  period: p.period,
  periods: p.periods,
  focusAreas: p.focusAreas,
  partyIds: p.partyIds,
  adoptedOn: p.adoption?.adoptedOn ?? null,
  adoptedPlace: p.adoption?.place ?? null,
  // Signed on a published document: public, shown as `promise.adoption.signatories` shows them.
  signatories: (p.adoption?.signatories ?? []).map(({ name, title, organisationId }) => ({ name, title, organisationId })),
  publishedOn: p.publishedOn!,
  publicationChannels: p.publicationChannels,
  completedOn: p.completedOn,
  plannedActivities: p.plannedActivities.map(({ id, description, responsibleOrganisationIds, target, indicators }) => ({ id, description, responsibleOrganisationIds, target, indicators })),
});

export const toPublicActivity = (e: ActivityLogEntry): PublicActivity => ({
  id: e.id, date: e.date, kind: e.kind, count: e.count, place: e.place, outcome: e.outcome, plannedActivityId: e.plannedActivityId,
});

export const toPublicActivities = (c: Connection<ActivityLogEntry>): Connection<PublicActivity> => ({
  pageInfo: c.pageInfo,
  edges: c.edges.map(({ cursor, node }) => ({ cursor, node: toPublicActivity(node) })),
});

/** Only follow-ups already reported: a plan's future dates are not news. */
export const toPublicFollowUps = (followUps: FollowUp[]): PublicFollowUp[] =>
  followUps.filter((f) => f.reportedOn !== null).map((f) => ({
    label: f.label,
    dueOn: f.dueOn,
    reportedOn: f.reportedOn,
    summary: f.summary,
    activityStatuses: f.activityStatuses.map(({ plannedActivityId, status }) => ({ plannedActivityId, status })),
    measurements: f.measurements.map(({ indicatorId, value, measuredOn }) => ({ indicatorId, value, measuredOn })),
    communicatedToCitizens: f.communicatedToCitizens,
    communicationChannels: f.communicationChannels,
  }));

export const toPublicFinalReports = (reports: FinalReport[]): PublicFinalReport[] =>
  reports.filter((r) => r.submittedOn !== null).map(({ periodFrom, periodTo, submittedOn, summary }) => ({ periodFrom, periodTo, submittedOn, summary }));
