import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { RESOLVER_POLICIES } from '../../src/auth/policy/resolver-policies';
import { IntegrityService } from '../../src/audit/integrity/integrity.service';
import { startTestApp, TestApp } from '../support/test-app';
import { IDS, loadHaboHistory } from './support/habo-history';

const AUDIT_QUERIES = ['Query.auditLog', 'Query.personalDataReads', 'Query.verifyIntegrity', 'Query.history', 'Query.asOf', 'Query.integrityPublicKey', 'Query.integrityCheckpoint'];
/** The access guard denies resolvers its policy table does not name; src/auth owns that table. */
const policiesReady = AUDIT_QUERIES.every((coordinate) => coordinate in RESOLVER_POLICIES);
const withPolicies = policiesReady ? it : it.skip;

/** The audit features over GraphQL, on a started app with the embedded store. */
describe('audit over GraphQL', () => {
  let t: TestApp;

  async function caughtUp(): Promise<void> {
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    await t.app.get(ProjectionRunner).waitFor(head!, 10_000);
  }

  async function readsBy(userId: string) {
    const { rows } = await (await import('kysely')).sql<{ seq: number; field: string; subject_id: string | null; count: number; reader_user_id: string; operation_name: string | null }>`
      select seq, field, subject_id, count, reader_user_id, operation_name from personal_data_reads where reader_user_id = ${userId} order by seq, entry`.execute(
      t.app.get((await import('../../src/projections/read-model-db.token')).READ_MODEL_DB),
    );
    return rows;
  }

  beforeAll(async () => {
    t = await startTestApp({ INTEGRITY_CHECKPOINT_EVERY_EVENTS: '5' });
    await loadHaboHistory(t.app.get<EventStore>(EVENT_STORE));
    await caughtUp();
  });
  afterAll(() => t.close());

  it('logs who read non-public personal data about which promise, through which operation, counted in one entry per operation', async () => {
    const reader = t.as('member', IDS.habo);
    // The promise is adopted but not published: its signatories and the activity notes are not public.
    await reader.ok(`query WhoSigned { promise(id: "${IDS.promise}") { title adoption { signatories { name title } } activities(first: 10) { edges { node { date notes } } } } }`);
    await caughtUp();
    const reads = await readsBy('member-org-habo');
    expect(reads.map((r) => [r.field, r.subject_id, r.count, r.operation_name])).toEqual([
      ['PromiseSignatory.name', IDS.promise, 1, 'WhoSigned'],
      ['PromiseSignatory.title', IDS.promise, 1, 'WhoSigned'],
      ['ActivityLogEntry.notes', IDS.promise, 3, 'WhoSigned'],
    ]);
    expect(new Set(reads.map((r) => r.seq)).size).toBe(1);
  });

  it('logs no read of the signatories of an active (published) agreement: they are public', async () => {
    await t.as('member', 'org-y').ok(`query { agreement(id: "${IDS.agreement}") { title parties { name signature { signatoryName signatoryTitle signedOn } } } }`);
    await caughtUp();
    expect(await readsBy('member-org-y')).toEqual([]);
  });

  it('logs nothing for a query without personal data', async () => {
    await t.as('member', 'org-x').ok(`query { agreement(id: "${IDS.agreement}") { title status } }`);
    await caughtUp();
    expect(await readsBy('member-org-x')).toEqual([]);
  });

  it('chains every event in the running service and signs checkpoints, so the store verifies intact', async () => {
    const integrity = t.app.get(IntegrityService);
    await integrity.checkpointNow();
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    // Wait (no timing assertion) until the chainer has seen the last event.
    const health = async () => (await (await fetch(t.url.replace('/graphql', '/health'))).json()) as { integrity: { chainedUpTo: string | null } };
    while ((await health()).integrity.chainedUpTo !== `${head!.commit}/${head!.prepare}`) await new Promise((r) => setTimeout(r, 10));
    const report = await integrity.verify();
    expect(report).toMatchObject({ intact: true, failure: null, unprovenEvents: 0 });
    expect(report.checkpointsChecked).toBeGreaterThanOrEqual(2);
  });

  withPolicies('an auditor saves the latest checkpoint and later verifies against it; a mangled one is refused as bad input', async () => {
    const auditor = t.as('auditor');
    await t.app.get(IntegrityService).checkpointNow();
    const { integrityCheckpoint } = await auditor.ok<{ integrityCheckpoint: { count: string; eventPosition: string; json: string } }>(
      '{ integrityCheckpoint { count eventPosition json } }');
    expect(JSON.parse(integrityCheckpoint.json)).toMatchObject({ format: 'samverkan-integrity-checkpoint', count: integrityCheckpoint.count });
    const later = await auditor.ok<{ verifyIntegrity: { intact: boolean; checkpointsChecked: number } }>(
      'query($c: String) { verifyIntegrity(expectCheckpoint: $c) { intact checkpointsChecked } }', { c: integrityCheckpoint.json });
    expect(later.verifyIntegrity.intact).toBe(true);
    const mangled = await auditor.gql('query($c: String) { verifyIntegrity(expectCheckpoint: $c) { intact } }', { c: '{"count": "1"' });
    expect(mangled.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: ['expectCheckpoint'] });
    const forged = JSON.stringify({ ...JSON.parse(integrityCheckpoint.json), count: '1' });
    const refused = await auditor.gql<{ verifyIntegrity: { intact: boolean; failure: { kind: string } } }>(
      'query($c: String) { verifyIntegrity(expectCheckpoint: $c) { intact failure { kind } } }', { c: forged });
    expect(refused.data?.verifyIntegrity).toMatchObject({ intact: false, failure: { kind: 'BAD_SIGNATURE' } });
  });

  withPolicies('auditors query history, time travel, the audit log, the read-access log and verify', async () => {
    const auditor = t.as('auditor');
    const data = await auditor.ok(`{
      history(of: AGREEMENT, id: "${IDS.agreement}") { type revision actor { userId displayName } changes { path } }
      asOf(of: PROMISE, id: "${IDS.promise}", at: "2016-07-01", axis: OCCURRED) { exists revision state activities { entryId } }
      auditLog(category: "agreement", first: 10) { edges { node { type actor { userId } correlationId } } }
      personalDataReads(field: "ActivityLogEntry.notes") { edges { node { reader { userId } subjectId count } } }
      verifyIntegrity { intact summary }
      integrityPublicKey { keyId algorithm pem }
    }`);
    expect(data.history.map((e: { type: string }) => e.type)).toEqual(['AgreementDrafted', 'AgreementSigned', 'AgreementSigned', 'AgreementActivated']);
    expect(data.asOf.activities.map((a: { entryId: string }) => a.entryId)).toEqual(['entry-1', 'entry-2']);
    expect(data.auditLog.edges).toHaveLength(4);
    expect(data.personalDataReads.edges[0].node).toEqual({ reader: { userId: 'member-org-habo' }, subjectId: IDS.promise, count: 3 });
    expect(data.verifyIntegrity.intact).toBe(true);
    expect(data.integrityPublicKey).toMatchObject({ algorithm: 'Ed25519', pem: expect.stringContaining('BEGIN PUBLIC KEY') });
  });

  withPolicies('the audit log and verification are for auditors only', async () => {
    const response = await t.as('member', IDS.habo).gql('{ auditLog { edges { node { type } } } }');
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const query of ['{ verifyIntegrity { intact } }', '{ integrityCheckpoint { json } }']) {
      expect((await t.as('coordinator', IDS.habo).gql(query)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await t.anonymous.gql(query)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
