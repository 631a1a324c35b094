import { randomUUID } from 'node:crypto';
import { EventStore } from '../../../src/event-store/event-store.port';
import { JsonObject } from '../../../src/event-store/event-store.port';
import { AUDITED_STREAMS, AuditedKind } from '../../../src/audit/history/audited-streams';

export const IDS = { police: 'org-lpo', habo: 'org-habo', agreement: 'agr-habo', promise: 'prm-habo' };

export const ANNA = { userId: 'u-anna', displayName: 'Anna Berg', organisationId: IDS.habo, role: 'coordinator' };
export const FREDRIK = { userId: 'u-fredrik', displayName: 'Fredrik Lindfors', organisationId: IDS.police, role: 'signatory' };

type Actor = typeof ANNA;

/**
 * Appends events as the write path stored them (with the who/when/why
 * metadata) in their frozen v1 shapes: the contexts' deciders must keep folding
 * them (upcasting on read), so these tests survive new events and new versions.
 */
export async function record(
  store: EventStore,
  kind: AuditedKind,
  id: string,
  events: { type: string; data: JsonObject }[],
  actor: Actor,
  occurredAt: string,
  correlationId: string = randomUUID(),
): Promise<void> {
  const commandId = randomUUID();
  const metadata = { commandId, commandType: `Command${events[0].type}`, correlationId, causationId: correlationId, actor: { ...actor }, occurredAt, schemaVersion: 1 };
  await store.append(AUDITED_STREAMS[kind].streamOf(id), events.map((e) => ({ id: randomUUID(), ...e, metadata })), { expectedRevision: 'any' });
}

const activity = (n: number, date: string) => ({
  type: 'ActivityLogged',
  data: {
    promiseId: IDS.promise, entryId: `entry-${n}`, date, kind: 'SafetyWalk', responsibleOrganisationId: IDS.habo, count: 1,
    place: 'Habo centrum', outcome: null, notes: `Trygghetsvandring ${n}, talade med Karin Ek`, plannedActivityId: 'pa-1',
  },
});

/** The Habo story in business time: organisations, the agreement signed by both, a promise adopted and followed up. */
export async function loadHaboHistory(store: EventStore): Promise<void> {
  await record(store, 'organisation', IDS.police, [{ type: 'LocalPoliceAreaRegistered', data: { organisationId: IDS.police, name: 'LPO Södra Vätterbygden', policeDistrict: 'Jönköping', policeRegion: 'Syd' } }], ANNA, '2015-11-01T09:00:00.000Z');
  await record(store, 'organisation', IDS.habo, [{ type: 'MunicipalityRegistered', data: { organisationId: IDS.habo, name: 'Habo kommun', municipalityCode: '0643' } }], ANNA, '2015-11-01T09:05:00.000Z');
  const parties = [
    { organisationId: IDS.police, kind: 'LocalPoliceArea', name: 'LPO Södra Vätterbygden' },
    { organisationId: IDS.habo, kind: 'Municipality', name: 'Habo kommun' },
  ];
  await record(store, 'agreement', IDS.agreement, [{ type: 'AgreementDrafted', data: { agreementId: IDS.agreement, title: 'Samverkansöverenskommelse Habo', parties, validFrom: '2016-01-01', validTo: null } }], ANNA, '2015-12-01T10:00:00.000Z', 'corr-draft');
  await record(store, 'agreement', IDS.agreement, [{ type: 'AgreementSigned', data: { agreementId: IDS.agreement, partyOrganisationId: IDS.police, signatory: { name: 'Fredrik Lindfors', title: 'Chef LPO' }, signedOn: '2015-12-15', place: 'Habo' } }], FREDRIK, '2015-12-15T14:00:00.000Z');
  await record(store, 'agreement', IDS.agreement, [
    { type: 'AgreementSigned', data: { agreementId: IDS.agreement, partyOrganisationId: IDS.habo, signatory: { name: 'Gunnar Pettersson', title: 'Ordf. KS' }, signedOn: '2015-12-20', place: 'Habo' } },
    { type: 'AgreementActivated', data: { agreementId: IDS.agreement, activatedOn: '2015-12-20' } },
  ], ANNA, '2015-12-20T11:00:00.000Z');
  const plan = [{ plannedActivityId: 'pa-1', description: 'Trygghetsvandringar', responsibleOrganisationIds: [IDS.habo, IDS.police] }];
  await record(store, 'promise', IDS.promise, [{ type: 'PromiseDrafted', data: { promiseId: IDS.promise, title: 'Medborgarlöfte Habo 2016', agreementId: IDS.agreement, partyIds: [IDS.police, IDS.habo], period: { from: '2016-01-01', to: '2016-12-31' }, rationale: null, focusAreas: ['Trygghet i centrum'], plannedActivities: plan } }], ANNA, '2016-01-10T09:00:00.000Z');
  await record(store, 'promise', IDS.promise, [{ type: 'PromiseAdopted', data: { promiseId: IDS.promise, adoptedOn: '2016-02-01', place: 'Habo', signatories: [{ name: 'Fredrik Lindfors', title: 'Chef LPO', organisationId: IDS.police }] } }], FREDRIK, '2016-02-01T13:00:00.000Z');
  await record(store, 'promise', IDS.promise, [activity(1, '2016-03-05')], ANNA, '2016-03-06T08:00:00.000Z');
  await record(store, 'promise', IDS.promise, [activity(2, '2016-06-10')], ANNA, '2016-06-11T08:00:00.000Z');
  await record(store, 'promise', IDS.promise, [{ type: 'PromiseExtended', data: { promiseId: IDS.promise, newPeriod: { from: '2017-01-01', to: '2017-12-31' }, reason: 'Gott resultat', revisedActivities: null } }], FREDRIK, '2016-12-01T10:00:00.000Z');
  await record(store, 'promise', IDS.promise, [activity(3, '2017-04-01')], ANNA, '2017-04-02T08:00:00.000Z');
}
