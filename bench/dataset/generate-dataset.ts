/**
 * Builds a large, realistic event store quickly: every event comes out of the
 * real deciders (so it is valid history), but commands are decided in memory
 * and appended in big batches instead of one HTTP round trip each.
 */
import { randomUUID } from 'node:crypto';
import { EventStore, EventToAppend, JsonObject } from '../../src/event-store/event-store.port';
import { Decider, DomainEvent } from '../../src/shared/domain/decider';
import { organisationDecider } from '../../src/organisations/domain/organisation.decider';
import { agreementDecider } from '../../src/agreements/domain/agreement.decider';
import { promiseDecider } from '../../src/promises/domain/promise.decider';
import { ACTIVITY_KINDS } from '../../src/promises/domain/promise.events';
import { PromiseState } from '../../src/promises/domain/promise.state';
import { agreementStream, organisationStream, promiseStream } from '../../src/shared/streams';
import { swedishStructure } from './swedish-structure';

const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const APPEND_CHUNK = 500;
const PARALLEL_STREAMS = 16;
export const SAMPLE_ACTIVITY_COUNT = 50;

export interface Dataset {
  events: number;
  /** A promise with exactly SAMPLE_ACTIVITY_COUNT logged activities. */
  samplePromiseId: string;
}

const metadata = (commandType: string): JsonObject => ({
  commandId: randomUUID(), commandType, correlationId: randomUUID(), causationId: randomUUID(),
  actor: { userId: 'generator', displayName: 'Dataset generator', organisationId: null, role: 'admin' },
  occurredAt: new Date().toISOString(), schemaVersion: 1,
});

function decideAll<C extends { type: string }, E extends DomainEvent, S>(decider: Decider<C, E, S>, commands: C[], state = decider.initialState()) {
  const events: EventToAppend[] = [];
  for (const command of commands) {
    for (const event of decider.decide(command, state)) {
      state = decider.evolve(state, event);
      events.push({ id: randomUUID(), type: event.type, data: event.data as JsonObject, metadata: metadata(command.type) });
    }
  }
  return { events, state };
}

async function appendInChunks(store: EventStore, stream: string, events: EventToAppend[]): Promise<void> {
  for (let i = 0; i < events.length; i += APPEND_CHUNK) {
    await store.append(stream, events.slice(i, i + APPEND_CHUNK), { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
  }
}

/** Runs tasks with at most `limit` in flight (so group commit has company). */
async function inParallel<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: limit }, async () => {
    while (next < items.length) await task(items[next++]);
  }));
}

const randomDate = (year: number) => `${year}-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(Math.random() * 28)).padStart(2, '0')}`;

export async function generateDataset(store: EventStore, targetEvents: number, onProgress?: (events: number) => void): Promise<Dataset> {
  const { policeAreas, municipalities } = swedishStructure();
  let written = 0;
  const write = async (stream: string, events: EventToAppend[]) => {
    await appendInChunks(store, stream, events);
    written += events.length;
    onProgress?.(written);
  };

  await inParallel([...policeAreas.map((p) => ({ type: 'RegisterLocalPoliceArea' as const, data: { organisationId: p.id, name: p.name, policeDistrict: p.district, policeRegion: p.region } })),
    ...municipalities.map((m) => ({ type: 'RegisterMunicipality' as const, data: { organisationId: m.id, name: m.name, municipalityCode: m.code } }))],
  PARALLEL_STREAMS, (command) => write(organisationStream(command.data.organisationId), decideAll(organisationDecider, [command]).events));

  const agreements = municipalities.map((m) => {
    const police = policeAreas.find((p) => p.id === m.policeAreaId)!;
    const agreementId = `so-${m.id}`;
    const sign = (organisationId: string, name: string) => ({ type: 'SignAgreement' as const, data: { agreementId, partyOrganisationId: organisationId, signatory: { name, title: 'Chef' }, signedOn: '2014-12-01', place: null } });
    const parties = [{ organisationId: police.id, kind: 'LocalPoliceArea' as const, name: police.name }, { organisationId: m.id, kind: 'Municipality' as const, name: m.name }];
    const commands = [{ type: 'DraftAgreement' as const, data: { agreementId, title: `Samverkansöverenskommelse ${m.name}`, parties, validFrom: '2015-01-01', validTo: null } }, sign(police.id, 'Polischef'), sign(m.id, 'KSO')];
    return { agreementId, municipality: m, policeId: police.id, commands };
  });
  await inParallel(agreements, PARALLEL_STREAMS, (a) => write(agreementStream(a.agreementId), decideAll(agreementDecider, a.commands).events));

  const promises = agreements.flatMap((a) => YEARS.map((year) => ({ promiseId: `ml-${a.municipality.id}-${year}`, year, agreement: a })));
  const baseEvents = written + promises.length * 2;
  const perPromise = Math.max(0, Math.floor((targetEvents - baseEvents - SAMPLE_ACTIVITY_COUNT) / (promises.length - 1)));
  const samplePromiseId = promises[0].promiseId;

  await inParallel(promises, PARALLEL_STREAMS, async ({ promiseId, year, agreement }) => {
    const partyIds = [agreement.policeId, agreement.municipality.id];
    const lifecycle = decideAll(promiseDecider, [
      { type: 'DraftPromise', data: { promiseId, title: `Medborgarlöfte ${year}`, agreement: { agreementId: agreement.agreementId, status: 'Active', partyIds, validFrom: '2015-01-01', validTo: null }, period: { from: `${year}-01-01`, to: `${year}-12-31` }, rationale: null, focusAreas: ['Ungdomskriminalitet', 'Trafik'], plannedActivities: [{ plannedActivityId: 'pa-1', description: 'Trygghetsvandringar', responsibleOrganisationIds: partyIds }] } },
      { type: 'AdoptPromise', data: { promiseId, adoptedOn: `${year - 1}-12-06`, place: null, signatories: [{ name: 'Polischef', title: 'Chef', organisationId: agreement.policeId }] } },
    ]);
    const activityCount = promiseId === samplePromiseId ? SAMPLE_ACTIVITY_COUNT : perPromise;
    const activities = decideAll(promiseDecider, Array.from({ length: activityCount }, (_, i) => ({
      type: 'LogActivity' as const,
      data: { promiseId, entryId: `a-${i}`, date: randomDate(year), kind: ACTIVITY_KINDS[i % ACTIVITY_KINDS.length], responsibleOrganisationId: partyIds[i % 2], count: 1 + (i % 4), place: 'Skolan', outcome: 'Genomfört', notes: null, plannedActivityId: i % 3 === 0 ? 'pa-1' : null },
    })), lifecycle.state as PromiseState);
    await write(promiseStream(promiseId), [...lifecycle.events, ...activities.events]);
  });
  return { events: written, samplePromiseId };
}

