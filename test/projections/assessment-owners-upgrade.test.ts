import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { SQLITE_READ_MODELS_FILE } from '../../src/projections/read-model-database';
import { assessmentStream } from '../../src/shared/streams';
import { startTestApp, TestApp, waitForProjections } from '../support/test-app';

/**
 * A store from before issue 13: an assessment started without an agreement
 * whose event does not name its owner (only the actor in its metadata does),
 * and a read model without the owner column. After the upgrade its
 * organisation still reads and works on it, and nobody else does.
 */
const HABO = 'habo-kommun';
const VADSTENA = 'vadstena-kommun';
const ID = 'la-fore-agare';
const TITLE = 'Lägesbild från före ägare';

describe('upgrading a store with assessments recorded before they had owners', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-owners-'));
  let t: TestApp | undefined;

  beforeAll(async () => {
    const before = await startTestApp({}, dataDir);
    const store: EventStore = before.app.get(EVENT_STORE);
    await store.append(assessmentStream(ID), [{
      id: '7b0f3f5e-1d2c-4c1a-9a55-0c0ffee00001',
      type: 'AssessmentStarted',
      data: { assessmentId: ID, title: TITLE, agreementId: null, period: { from: '2018-01-01', to: '2018-12-31' }, partyIds: [] },
      metadata: {
        commandId: '7b0f3f5e-1d2c-4c1a-9a55-0c0ffee00002', commandType: 'StartAssessment', correlationId: 'c', causationId: 'c',
        actor: { userId: 'samordnare-habo', displayName: 'Samordnare Habo', organisationId: HABO, roles: ['coordinator'] },
        occurredAt: '2018-01-05T08:00:00.000Z', schemaVersion: 1,
      },
    }], { expectedRevision: 'no_stream' });
    await waitForProjections(before);
    await before.close({ keepData: true });

    // The read model as a release before owners left it: migrations from 071 on not yet run (nor their columns there).
    const readModels = new Database(join(dataDir, SQLITE_READ_MODELS_FILE));
    readModels.exec(`
      ALTER TABLE assessments DROP COLUMN started_by_organisation_id;
      ALTER TABLE promise_periods DROP COLUMN extension_decided_by;
      ALTER TABLE promise_periods DROP COLUMN extension_decided_on;
      ALTER TABLE promise_periods DROP COLUMN extension_reference;
      DELETE FROM kysely_migration WHERE name >= '071';`);
    readModels.close();

    t = await startTestApp({}, dataDir);
    await waitForProjections(t);
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const read = `query($id: ID!) { assessment(id: $id) { id title } }`;
  const addSource = `mutation($i: AddAssessmentSourceInput!) { addAssessmentSource(input: $i) { __typename } }`;

  it('the organisation that started it reads it and works on it; others read null and are refused', async () => {
    expect((await t!.as('member', HABO).ok(read, { id: ID })).assessment).toEqual({ id: ID, title: TITLE });
    expect((await t!.as('member', VADSTENA).ok(read, { id: ID })).assessment).toBeNull();
    const refused = await t!.as('coordinator', VADSTENA).gql(addSource, { i: { assessmentId: ID, kind: 'ReportedCrime', summary: 'X' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await t!.as('coordinator', HABO).ok(addSource, { i: { assessmentId: ID, kind: 'ReportedCrime', summary: 'BRÅ' } });
  });
});
