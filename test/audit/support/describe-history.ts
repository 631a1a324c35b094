import { HistoryService } from '../../../src/audit/history/history.service';
import { TimeTravelService } from '../../../src/audit/history/time-travel.service';
import { EventStore } from '../../../src/event-store/event-store.port';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLogFilter, AuditLogQueries } from '../../../src/audit/audit-log/audit-log.queries';
import { replayReadModels } from '../../../src/audit/cli/replay';
import { openSqliteReadModels, ReadModelDb } from '../../../src/projections/read-model-database';
import { ANNA, FREDRIK, IDS, loadHaboHistory } from './habo-history';

/** History and time travel, folded from the streams by the contexts' own deciders, and the global audit log. Run per store. */
export function describeHistory(name: string, openStore: () => Promise<{ store: EventStore; dispose(): Promise<void> }>): void {
  describe(`history and time travel (${name})`, () => {
    let store: EventStore;
    let dispose: () => Promise<void>;
    let history: HistoryService;
    let travel: TimeTravelService;

    beforeAll(async () => {
      ({ store, dispose } = await openStore());
      await loadHaboHistory(store);
      history = new HistoryService(store);
      travel = new TimeTravelService(store);
    });
    afterAll(() => dispose());

    it('lists every event of an agreement in order, with business and recorded time, actor, command and ids', async () => {
      const entries = await history.history('agreement', IDS.agreement);
      expect(entries.map((e) => e.type)).toEqual(['AgreementDrafted', 'AgreementSigned', 'AgreementSigned', 'AgreementActivated']);
      expect(entries.map((e) => e.revision)).toEqual([0n, 1n, 2n, 3n]);
      expect(entries[0]).toMatchObject({
        streamName: `agreement-${IDS.agreement}`, occurredAt: '2015-12-01T10:00:00.000Z', actor: ANNA,
        commandType: 'CommandAgreementDrafted', correlationId: 'corr-draft', causationId: 'corr-draft', foldError: null,
      });
      expect(entries[1].actor).toEqual(FREDRIK);
      expect(entries[1].recordedAt).toBeInstanceOf(Date);
      // The signature completing the set and the activation come from one command.
      expect(entries[3].commandId).toBe(entries[2].commandId);
    });

    it('shows the state before and after each event, and the fields it changed', async () => {
      const [drafted, signed, , activated] = await history.history('agreement', IDS.agreement);
      expect(drafted.stateBefore).toEqual({ status: 'None' });
      expect(drafted.stateAfter).toMatchObject({ status: 'Draft', title: 'Samverkansöverenskommelse Habo', signatures: [] });
      // Whatever else the state holds (it grows with new versions of the context), these fields changed.
      expect(signed.changes).toContainEqual({
        path: 'signatures[0]', before: null,
        after: expect.objectContaining({ partyOrganisationId: IDS.police, signatory: expect.objectContaining({ name: 'Fredrik Lindfors' }), signedOn: '2015-12-15' }),
      });
      expect(activated.changes).toEqual(expect.arrayContaining([
        { path: 'status', before: 'Draft', after: 'Active' },
        { path: 'activatedOn', before: null, after: '2015-12-20' },
      ]));
      expect(activated.changes.map((c) => c.path)).not.toContain('title');
    });

    it('works for promises and organisations too, and pages by revision', async () => {
      const promise = await history.history('promise', IDS.promise, { fromRevision: 2n, maxCount: 2 });
      expect(promise.map((e) => [e.revision, e.type])).toEqual([[2n, 'ActivityLogged'], [3n, 'ActivityLogged']]);
      expect(promise[1].changes).toContainEqual({ path: 'loggedEntryIds[1]', before: null, after: 'entry-2' });
      const organisation = await history.history('organisation', IDS.habo);
      expect(organisation).toHaveLength(1);
      expect(organisation[0].stateAfter).toMatchObject({ registered: true, municipalityCode: '0643' });
    });

    it('an agreement as it was on a date in business time: signed by one party, not yet active', async () => {
      const snapshot = await travel.asOf('agreement', IDS.agreement, { at: new Date('2015-12-16T00:00:00Z'), axis: 'occurred' });
      expect(snapshot).toMatchObject({ exists: true, revision: 1n, state: { status: 'Draft', activatedOn: null } });
      expect((snapshot.state as { signatures: unknown[] }).signatures).toHaveLength(1);
      const before = await travel.asOf('agreement', IDS.agreement, { at: new Date('2015-11-30T00:00:00Z'), axis: 'occurred' });
      expect(before).toMatchObject({ exists: false, revision: null, state: { status: 'None' } });
    });

    it('an agreement at a revision, and at the instant the store recorded an event', async () => {
      expect(await travel.asOf('agreement', IDS.agreement, { revision: 2n })).toMatchObject({ revision: 2n, state: { status: 'Draft' } });
      const [, , , activation] = await history.history('agreement', IDS.agreement);
      const atActivation = await travel.asOf('agreement', IDS.agreement, { at: activation.recordedAt });
      expect(atActivation).toMatchObject({ revision: 3n, state: { status: 'Active' } });
    });

    it('a whole promise with its activities as of a date', async () => {
      const mid2016 = await travel.asOf('promise', IDS.promise, { at: new Date('2016-07-01T00:00:00Z'), axis: 'occurred' });
      expect(mid2016.state).toMatchObject({ status: 'Adopted', periods: [{ from: '2016-01-01', to: '2016-12-31' }] });
      expect(mid2016.activities!.map((a) => a.entryId)).toEqual(['entry-1', 'entry-2']);
      expect(mid2016.activities![0]).toMatchObject({ eventTypes: ['ActivityLogged'], data: { date: '2016-03-05', kind: 'SafetyWalk' } });
      const now = await travel.asOf('promise', IDS.promise, {});
      expect(now.state).toMatchObject({ status: 'Extended' });
      expect(now.activities).toHaveLength(3);
    });
  });

  describe(`the global audit log (${name})`, () => {
    let dispose: () => Promise<void>;
    let store: EventStore;
    let readModels: ReadModelDb;
    let dir: string;
    let auditLog: AuditLogQueries;
    const list = async (filter: AuditLogFilter, first = 50) => (await auditLog.list(filter, first)).edges.map((e) => e.node);

    beforeAll(async () => {
      const opened = await openStore();
      ({ store, dispose } = opened);
      await loadHaboHistory(store);
      dir = mkdtempSync(join(tmpdir(), 'samverkan-audit-log-'));
      // The audit log is a projection like any other: built here by a replay of the store.
      await replayReadModels(store, { file: join(dir, 'read-models.sqlite') });
      readModels = openSqliteReadModels(join(dir, 'read-models.sqlite'));
      auditLog = new AuditLogQueries(readModels);
    });
    afterAll(async () => {
      await readModels.destroy();
      rmSync(dir, { recursive: true, force: true });
      await dispose();
    });

    it('holds every event in log order, with who, on whose behalf, when and why', async () => {
      const all = await list({});
      expect(all).toHaveLength(12);
      expect(all.map((e) => e.seq)).toEqual([...all.map((e) => e.seq)].sort((a, b) => a - b));
      expect(all.find((e) => e.correlation_id === 'corr-draft')).toMatchObject({
        type: 'AgreementDrafted', stream: `agreement-${IDS.agreement}`, category: 'agreement', revision: 0,
        actor_user_id: ANNA.userId, actor_name: ANNA.displayName, actor_organisation_id: IDS.habo, actor_role: 'coordinator',
        command_type: 'CommandAgreementDrafted', causation_id: 'corr-draft', occurred_at: '2015-12-01T10:00:00.000Z',
      });
    });

    it('filters by actor, organisation, event type, stream, category and correlation id, alone and together', async () => {
      const types = async (filter: AuditLogFilter) => (await list(filter)).map((e) => e.type);
      const fredrik = ['AgreementSigned', 'PromiseAdopted', 'PromiseExtended'];
      expect(await types({ actorUserId: FREDRIK.userId })).toEqual(fredrik);
      expect(await types({ organisationId: IDS.police })).toEqual(fredrik);
      expect(await types({ eventType: 'ActivityLogged' })).toEqual(['ActivityLogged', 'ActivityLogged', 'ActivityLogged']);
      expect(await types({ stream: `agreement-${IDS.agreement}` })).toEqual(['AgreementDrafted', 'AgreementSigned', 'AgreementSigned', 'AgreementActivated']);
      expect(await types({ category: 'organisation' })).toEqual(['LocalPoliceAreaRegistered', 'MunicipalityRegistered']);
      expect(await types({ correlationId: 'corr-draft' })).toEqual(['AgreementDrafted']);
      expect(await types({ actorUserId: ANNA.userId, category: 'promise' })).toEqual(['PromiseDrafted', 'ActivityLogged', 'ActivityLogged', 'ActivityLogged']);
      expect(await types({ actorUserId: 'u-nobody' })).toEqual([]);
    });

    it('filters by business time and by store time, both ends inclusive', async () => {
      const in2016 = await list({ occurredFrom: '2016-01-01T00:00:00.000Z', occurredTo: '2016-12-31T23:59:59.999Z' });
      expect(in2016.map((e) => e.type)).toEqual(['PromiseDrafted', 'PromiseAdopted', 'ActivityLogged', 'ActivityLogged', 'PromiseExtended']);
      expect(await list({ occurredFrom: '2015-12-15T14:00:00.000Z', occurredTo: '2015-12-15T14:00:00.000Z' })).toHaveLength(1);
      const all = await list({});
      const from = all[6].recorded_at;
      const recordedSince = await list({ recordedFrom: from });
      expect(recordedSince.map((e) => e.seq)).toEqual(all.filter((e) => e.recorded_at >= from).map((e) => e.seq));
      expect(recordedSince.length).toBeGreaterThanOrEqual(6);
      expect(await list({ recordedTo: '2000-01-01T00:00:00.000Z' })).toEqual([]);
    });

    it('a replay --until builds the audit log as of that instant, into a file of its own', async () => {
      const all = await list({});
      const until = new Date(all[6].recorded_at);
      const file = join(dir, 'as-of.sqlite');
      await replayReadModels(store, { file, until, mustBeNew: true });
      const asOf = openSqliteReadModels(file);
      try {
        const rows = (await new AuditLogQueries(asOf).list({}, 50)).edges.map((e) => e.node.seq);
        expect(rows).toEqual(all.filter((e) => new Date(e.recorded_at) <= until).map((e) => e.seq));
      } finally {
        await asOf.destroy();
      }
      expect(await list({})).toHaveLength(12);
    });

    it('pages with cursors: every event exactly once, in order, and the last page says so', async () => {
      const all = await list({});
      const seen: number[] = [];
      let after: string | null = null;
      for (let pages = 0; ; pages++) {
        const page = await auditLog.list({}, 5, after);
        seen.push(...page.edges.map((e) => e.node.seq));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
        expect(pages).toBeLessThan(5);
      }
      expect(seen).toEqual(all.map((e) => e.seq));
      const filtered = await auditLog.list({ eventType: 'ActivityLogged' }, 2);
      const rest = await auditLog.list({ eventType: 'ActivityLogged' }, 2, filtered.pageInfo.endCursor);
      expect([...filtered.edges, ...rest.edges].map((e) => e.node.type)).toEqual(['ActivityLogged', 'ActivityLogged', 'ActivityLogged']);
      expect(rest.pageInfo.hasNextPage).toBe(false);
    });
  });
}

