import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { businessTimeOf, withBusinessTime } from '../../src/audit/history/business-time.upcast';
import { EVENT_STORE, EventStore, JsonObject, RecordedEvent } from '../../src/event-store/event-store.port';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { startTestApp, TestApp } from '../support/test-app';

type Frozen = { streamName: string; revision: number; recordedAt: string; type: string; data: JsonObject; metadata: JsonObject };
const FROZEN: Frozen[] = JSON.parse(readFileSync(join(__dirname, '../fixtures/events/pre-business-time.v1.json'), 'utf8')).events;

const recorded = (e: Frozen): RecordedEvent => ({
  id: `event-${e.revision}`, streamName: e.streamName, revision: BigInt(e.revision), type: e.type, data: e.data, metadata: e.metadata,
  recordedAt: new Date(e.recordedAt), position: { commit: BigInt(e.revision), prepare: BigInt(e.revision) },
});

describe('old events without a business time', () => {
  it.each(FROZEN.map((e) => [e.type, e]))('%s falls back to its recorded time, flagged, and keeps the rest of its metadata', (_type, frozen) => {
    const upcast = withBusinessTime(recorded(frozen));
    expect(upcast.metadata).toEqual({ ...frozen.metadata, occurredAt: frozen.recordedAt, occurredAtFromRecordedTime: true });
    expect(businessTimeOf(recorded(frozen))).toEqual(new Date(frozen.recordedAt));
    expect(upcast.data).toEqual(frozen.data);
  });

  it('an event with a business time keeps it', () => {
    const event = recorded({ ...FROZEN[2], metadata: { ...FROZEN[2].metadata, occurredAt: '2017-03-05T00:00:00.000Z' } });
    expect(withBusinessTime(event)).toBe(event);
    expect(businessTimeOf(event)).toEqual(new Date('2017-03-05T00:00:00.000Z'));
  });

  describe('in a running service', () => {
    let t: TestApp;
    let appendedAt: Date;
    beforeAll(async () => {
      t = await startTestApp();
      const store = t.app.get<EventStore>(EVENT_STORE);
      appendedAt = new Date();
      for (const e of FROZEN) await store.append(e.streamName, [{ id: crypto.randomUUID(), type: e.type, data: e.data, metadata: e.metadata }], { expectedRevision: 'any' });
      await t.app.get(ProjectionRunner).waitFor((await store.headPosition())!, 10_000);
    });
    afterAll(() => t.close());

    const auditor = () => t.as('auditor');

    it('time travel, history and the audit log read them on their recorded time', async () => {
      const before = new Date(appendedAt.getTime() - 60_000).toISOString();
      const data = await auditor().ok(`{
        before: asOf(of: PROMISE, id: "prm-old", at: "${before}") { exists }
        now: asOf(of: PROMISE, id: "prm-old") { exists state activities { entryId } }
        history(of: PROMISE, id: "prm-old") { type occurredAt recordedAt }
        auditLog(stream: "promise-prm-old", occurredFrom: "${before}") { edges { node { type occurredAt recordedAt } } }
      }`);
      expect(data.before.exists).toBe(false);
      expect(data.now).toMatchObject({ exists: true, state: { status: 'Adopted' }, activities: [{ entryId: 'entry-1' }] });
      expect(data.history.map((h: any) => h.type)).toEqual(['PromiseDrafted', 'PromiseAdopted', 'ActivityLogged']);
      for (const h of data.history) expect(h.occurredAt).toBe(h.recordedAt);
      const logged = data.auditLog.edges.map((e: any) => e.node);
      expect(logged.map((n: any) => n.type)).toEqual(['PromiseDrafted', 'PromiseAdopted', 'ActivityLogged']);
      for (const n of logged) expect(n.occurredAt).toBe(n.recordedAt);
    });
  });
});
