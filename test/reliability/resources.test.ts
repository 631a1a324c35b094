import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { HABO_IDS } from '../../src/demo/habo-seed';
import { loadHaboDemo } from '../../src/demo/load-habo-demo';
import { startTestApp, TestApp } from '../support/test-app';
import { startServiceProcess } from '../support/service-process';

const LOG = `mutation($i: LogActivityInput!) { logActivity(input: $i) { id } }`;

describe('resources', () => {
  describe('the disk fills up (simulated with EVENT_STORE_MAX_SIZE_MB)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp({ EVENT_STORE_MAX_SIZE_MB: '1' });
      await loadHaboDemo(t.app);
      await t.as('coordinator', HABO_IDS.municipality).ok('mutation($i: PublishPromiseInput!) { publishPromise(input: $i) { status } }', {
        i: { promiseId: HABO_IDS.promise, publishedOn: '2017-01-15', channels: ['habo.se'] },
      });
    });
    afterAll(() => t.close());

    it('refuses new commands with a clear error, keeps serving reads, and loses nothing acknowledged', async () => {
      const acknowledged: string[] = [];
      let refusal: { message: string; extensions?: { code?: string } } | undefined;
      const notes = 'n'.repeat(9_000); // large entries fill the 1 MiB cap in about a hundred commands
      for (let i = 0; i < 1000 && !refusal; i++) {
        const entryId = randomUUID();
        const response = await t.as('coordinator', HABO_IDS.police).gql(LOG, { i: { promiseId: HABO_IDS.promise, entryId, date: '2017-08-01', kind: 'Other', responsibleOrganisationId: HABO_IDS.police, count: 1, notes } });
        if (response.errors) refusal = response.errors[0];
        else acknowledged.push(entryId);
      }
      expect(refusal?.extensions?.code).toBe('STORE_UNAVAILABLE');
      expect(refusal?.message).toMatch(/full/i);
      expect(acknowledged.length).toBeGreaterThan(10);

      // Reads still work, and show every acknowledged entry.
      const read = await t.ok(`{ activityLog(promiseId: "${HABO_IDS.promise}", first: 500, kind: Other) { edges { node { id } } } }`);
      expect(read.activityLog.edges.map((e: any) => e.node.id)).toEqual(acknowledged);
      const stored = (await t.app.get<EventStore>(EVENT_STORE).readStream(`promise-${HABO_IDS.promise}`)).map((e) => e.data.entryId);
      expect(stored).toEqual(expect.arrayContaining(acknowledged));
      // Readiness says why: the store refuses writes (reads are still served, as above).
      const ready = await fetch(t.url.replace('/graphql', '/health/ready'));
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { reasons: { reason: string }[] }).reasons.map((r) => r.reason)).toContain('store_refuses_writes');
    });

    it('while full, a command and a read that must be logged (personal data) answer STORE_UNAVAILABLE, never GRAPHQL_VALIDATION_FAILED; public reads are served', async () => {
      const coordinator = t.as('coordinator', HABO_IDS.police);
      const entry = (notes: string) => ({ promiseId: HABO_IDS.promise, date: '2017-08-01', kind: 'Other', responsibleOrganisationId: HABO_IDS.police, count: 1, notes });
      // Fill what is left, down to the last few hundred bytes.
      for (const size of [9_000, 1_000, 100]) {
        for (let i = 0; i < 1000 && !(await coordinator.gql(LOG, { i: entry('n'.repeat(size)) })).errors; i++);
      }
      const answers = await Promise.all([
        coordinator.gql(`mutation($i: LogActivityInput!) { logActivity(input: $i) { id notes } }`, { i: entry('n'.repeat(1_000)) }),
        // Reading notes is recorded (PersonalDataRead) before the answer leaves: that write fails now.
        coordinator.gql(`{ activityLog(promiseId: "${HABO_IDS.promise}", first: 5) { edges { node { id notes } } } }`),
      ]);
      for (const answer of answers) {
        expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['STORE_UNAVAILABLE']);
        expect(answer.errors?.[0].message).toMatch(/full/);
      }
      // Public data needs no log entry, so it is still served: the published promise's signatories, the active agreement's.
      const signatories = '{ name title }';
      const publicReads = await Promise.all([
        t.anonymous.gql(`{ publicPromise(id: "${HABO_IDS.promise}") { title signatories ${signatories} } }`),
        t.anonymous.gql(`{ promise(id: "${HABO_IDS.promise}") { adoption { signatories ${signatories} } } }`),
        coordinator.gql(`{ agreement(id: "${HABO_IDS.agreement}") { parties { signature { signatoryName signatoryTitle } } } }`),
      ]);
      for (const answer of publicReads) expect(answer.errors).toBeUndefined();
      expect(publicReads[0].data.publicPromise.signatories).toHaveLength(2);
      expect(publicReads[1].data.promise.adoption.signatories).toEqual(publicReads[0].data.publicPromise.signatories);
    });
  });

  it('a data directory that cannot be created stops the service with a message naming it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-blocked-'));
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a directory');
    try {
      await expect(startServiceProcess({ DATA_DIR: join(blocker, 'data') })).rejects.toThrow(new RegExp(`${blocker}/data`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
