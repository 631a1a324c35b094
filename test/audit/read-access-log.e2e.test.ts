import { randomUUID } from 'node:crypto';
import { EVENT_STORE, EventStore, RecordedEvent } from '../../src/event-store/event-store.port';
import { ProjectionRunner } from '../../src/projections/projection-runner';
import { PERSONAL_DATA_READ_EVENT_TYPE } from '../../src/audit/read-access/personal-data-read.event';
import { MAX_ENTRY_BYTES } from '../../src/audit/read-access/read-access.recorder';
import { startTestApp, TestApp } from '../support/test-app';
import { IDS, loadHaboHistory } from './support/habo-history';

/** Issue 13: the read-access log cannot be turned into a weapon; auditors can ask it who read about whom. */

const bytesOf = (e: RecordedEvent) => Buffer.byteLength(JSON.stringify(e.data)) + Buffer.byteLength(JSON.stringify(e.metadata));
const PUBLISH = 'mutation($i: PublishPromiseInput!) { publishPromise(input: $i) { status } }';
/** As many aliases as the hardening allows (GRAPHQL_MAX_ALIASES), under a long name: a request as large as a caller may send. */
const ALIASES = 15;
const heavyRead = (promiseId: string) =>
  `query ${'Q'.repeat(1_000)} { ${Array.from({ length: ALIASES }, (_, i) => `p${i}: promise(id: "${promiseId}") { title adoption { adoptedOn place signatories { name title organisationId } } }`).join(' ')} }`;

async function caughtUp(t: TestApp): Promise<void> {
  const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
  await t.app.get(ProjectionRunner).waitFor(head!, 10_000);
}

async function readEvents(t: TestApp): Promise<RecordedEvent[]> {
  return (await t.app.get<EventStore>(EVENT_STORE).readAll({ maxCount: 100_000 })).filter((e) => e.type === PERSONAL_DATA_READ_EVENT_TYPE);
}

describe('the read-access log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await loadHaboHistory(t.app.get<EventStore>(EVENT_STORE));
    await caughtUp(t);
  });
  afterAll(() => t.close());

  it('100 anonymous requests reading non-public personal data add one small entry each: under 100 KiB in all, no copy of the request', async () => {
    // The promise is adopted but not published: anonymous callers see it, and reading its signatories is logged.
    const before = await readEvents(t);
    for (let i = 0; i < 100; i++) {
      const response = await t.anonymous.gql(heavyRead(IDS.promise));
      expect(response.errors).toBeUndefined();
      expect(response.data.p14.adoption.signatories).toEqual([{ name: 'Fredrik Lindfors', title: 'Chef LPO', organisationId: IDS.police }]);
    }
    const added = (await readEvents(t)).slice(before.length);
    expect(added).toHaveLength(100);
    const total = added.reduce((sum, e) => sum + bytesOf(e), 0);
    expect(total).toBeLessThan(100 * 1024);
    for (const e of added) {
      expect(bytesOf(e)).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
      expect(Object.keys(e.data).sort()).toEqual(['documentHash', 'operationName', 'reads', 'version']);
      expect(e.data.reads).toEqual([
        { subjectId: IDS.promise, field: 'PromiseSignatory.name', count: ALIASES },
        { subjectId: IDS.promise, field: 'PromiseSignatory.title', count: ALIASES },
      ]);
      expect(e.data.documentHash).toMatch(/^[0-9a-f]{64}$/);
      expect((e.data.operationName as string).length).toBeLessThanOrEqual(100);
    }
  });

  it('an operation reading about many subjects is cut into entries of at most the stated size, none dropped', async () => {
    // 40 readers of notes; then an auditor reads their names: 40 people, each a subject of the auditor's read.
    const readers = Array.from({ length: 40 }, (_, i) => ({ userId: `reader-${i}`, displayName: `Reader ${i}`, organisationId: IDS.habo, roles: ['member' as const] }));
    for (const reader of readers) await t.as(reader).ok(`{ promise(id: "${IDS.promise}") { activities { edges { node { notes } } } } }`);
    await caughtUp(t);
    const before = (await readEvents(t)).length;
    await t.as('auditor').ok(`query Many { personalDataReads(first: 500) { edges { node { reader { displayName } } } } }`);
    const added = (await readEvents(t)).slice(before);
    expect(added).toHaveLength(2); // 32 counts, then the rest
    for (const e of added) expect(bytesOf(e)).toBeLessThanOrEqual(MAX_ENTRY_BYTES);
    const subjects = added.flatMap((e) => (e.data.reads as { subjectId: string }[]).map((r) => r.subjectId));
    expect(subjects).toEqual(expect.arrayContaining(readers.map((r) => r.userId)));
    expect(new Set(added.map((e) => e.data.documentHash)).size).toBe(1);
  });

  it('auditors ask who read personal data about a promise or a person, newest first', async () => {
    await t.as('member', IDS.habo).ok(`query Notes { promise(id: "${IDS.promise}") { activities(first: 10) { edges { node { notes } } } } }`);
    await caughtUp(t);
    const auditor = t.as('auditor');
    const { personalDataReads } = await auditor.ok(`{ personalDataReads(subjectId: "${IDS.promise}", first: 500) { edges { node { subjectId field count readAt operationName reader { userId } } } } }`);
    const nodes = personalDataReads.edges.map((e: any) => e.node);
    expect(nodes[0]).toEqual({ subjectId: IDS.promise, field: 'ActivityLogEntry.notes', count: 3, readAt: expect.any(String), operationName: 'Notes', reader: { userId: `member-${IDS.habo}` } });
    expect(nodes.every((n: any) => n.subjectId === IDS.promise)).toBe(true);
    expect(nodes.map((n: any) => n.readAt)).toEqual([...nodes.map((n: any) => n.readAt)].sort().reverse());
    expect(new Set(nodes.map((n: any) => n.reader.userId))).toEqual(new Set(['anonymous', `member-${IDS.habo}`, ...Array.from({ length: 40 }, (_, i) => `reader-${i}`)]));
    // A person: whose name the audit views showed.
    await auditor.ok(`{ history(of: PROMISE, id: "${IDS.promise}") { type actor { displayName } } }`);
    await caughtUp(t);
    const anna = await auditor.ok(`{ personalDataReads(subjectId: "u-anna") { edges { node { field reader { userId } } } } }`);
    expect(anna.personalDataReads.edges.map((e: any) => e.node)).toContainEqual({ field: 'AuditActor.displayName', reader: { userId: 'auditor-none' } });
  });

  it('auditors filter the audit log to business events: no read-access entries, no integrity checkpoints', async () => {
    const auditor = t.as('auditor');
    const categories = async (args: string) =>
      new Set((await auditor.ok(`{ auditLog(first: 500${args}) { edges { node { stream } } } }`)).auditLog.edges.map((e: any) => e.node.stream.split('-')[0]));
    expect(await categories('')).toContain('personaldataread');
    expect(await categories(', businessOnly: true')).toEqual(new Set(['organisation', 'agreement', 'promise']));
  });

  it('still reads entries recorded in the first shape (query text, variables, a path per read)', async () => {
    const frozenV1 = {
      operationName: 'WhoSigned',
      query: 'query WhoSigned { agreement(id: "agr-habo") { parties { signature { signatoryName } } } }',
      variables: '{}',
      reads: [
        { field: 'Signature.signatoryName', path: 'agreement.parties.0.signature.signatoryName', subjectId: null },
        { field: 'Signature.signatoryName', path: 'agreement.parties.1.signature.signatoryName', subjectId: 'agr-habo' },
      ],
    };
    const metadata = {
      commandId: randomUUID(), commandType: 'RecordPersonalDataRead', correlationId: 'corr-old', causationId: 'corr-old', schemaVersion: 1,
      actor: { userId: 'old-reader', displayName: 'Old Reader', organisationId: IDS.habo, role: 'member', roles: ['member'] }, occurredAt: '2025-01-01T10:00:00.000Z',
    };
    await t.app.get<EventStore>(EVENT_STORE).append('personaldataread-old-reader-2025-01-01', [{ id: randomUUID(), type: PERSONAL_DATA_READ_EVENT_TYPE, data: frozenV1, metadata }], { expectedRevision: 'any' });
    await caughtUp(t);
    const { personalDataReads } = await t.as('auditor').ok(`{ personalDataReads(readerUserId: "old-reader") { edges { node { field path subjectId count operationName documentHash readAt } } } }`);
    expect(personalDataReads.edges.map((e: any) => e.node)).toEqual([
      { field: 'Signature.signatoryName', path: 'agreement.parties.1.signature.signatoryName', subjectId: 'agr-habo', count: 1, operationName: 'WhoSigned', documentHash: null, readAt: '2025-01-01T10:00:00.000Z' },
      { field: 'Signature.signatoryName', path: 'agreement.parties.0.signature.signatoryName', subjectId: null, count: 1, operationName: 'WhoSigned', documentHash: null, readAt: '2025-01-01T10:00:00.000Z' },
    ]);
  });

  it('names and titles of a published promise’s signatories are public: shown alike in PublicPromise and promise, read without an entry', async () => {
    await t.as('coordinator', IDS.habo).ok(PUBLISH, { i: { promiseId: IDS.promise, publishedOn: '2017-01-15', channels: ['habo.se'] } });
    await caughtUp(t);
    const before = (await readEvents(t)).length;
    const signatories = '{ name title organisationId }';
    const publicView = await t.anonymous.ok(`{ publicPromise(id: "${IDS.promise}") { signatories ${signatories} } }`);
    const partnerView = await t.anonymous.ok(`{ promise(id: "${IDS.promise}") { adoption { signatories ${signatories} } } }`);
    expect(publicView.publicPromise.signatories).toEqual([{ name: 'Fredrik Lindfors', title: 'Chef LPO', organisationId: IDS.police }]);
    expect(partnerView.promise.adoption.signatories).toEqual(publicView.publicPromise.signatories);
    // The active agreement's signatures likewise.
    await t.anonymous.ok(`{ agreement(id: "${IDS.agreement}") { parties { signature { signatoryName signatoryTitle } } } }`);
    expect((await readEvents(t)).length).toBe(before);
    // Notes are never public: reading them is still logged.
    await t.as('member', IDS.habo).ok(`{ promise(id: "${IDS.promise}") { adoption { signatories ${signatories} } activities { edges { node { notes } } } } }`);
    const added = (await readEvents(t)).slice(before);
    expect(added.map((e) => e.data.reads)).toEqual([[{ subjectId: IDS.promise, field: 'ActivityLogEntry.notes', count: 3 }]]);
  });
});

describe('the read-access log is rate-limited per caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_LOGGED_READS: '3' });
    await loadHaboHistory(t.app.get<EventStore>(EVENT_STORE));
    await caughtUp(t);
  });
  afterAll(() => t.close());

  it('past RATE_LIMIT_LOGGED_READS entries a window, reads that must be logged are refused; public reads are still served', async () => {
    const member = t.as('member', IDS.habo);
    const notes = `{ promise(id: "${IDS.promise}") { activities { edges { node { notes } } } } }`;
    for (let i = 0; i < 3; i++) expect((await member.gql(notes)).errors).toBeUndefined();
    const refused = await member.gql(notes);
    expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    expect(refused.data?.promise ?? null).toBeNull();
    expect((await readEvents(t)).length).toBe(3);
    // Reading what needs no entry costs nothing from that budget.
    const served = await member.gql(`{ promise(id: "${IDS.promise}") { title status } agreement(id: "${IDS.agreement}") { parties { signature { signatoryName } } } }`);
    expect(served.errors).toBeUndefined();
    expect(served.data.agreement.parties.map((p: any) => p.signature.signatoryName)).toEqual(['Fredrik Lindfors', 'Gunnar Pettersson']);
    // Another caller has a budget of its own.
    expect((await t.as('member', IDS.police).gql(notes)).errors).toBeUndefined();
  });
});
