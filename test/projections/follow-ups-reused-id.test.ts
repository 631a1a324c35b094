import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../../src/event-store/event-store.port';
import { ProjectionApplier } from '../../src/projections/projection-applier';
import { migrateReadModels, openSqliteReadModels, ReadModelDb } from '../../src/projections/read-model-database';
import { openPostgresReadModels } from '../../src/projections/postgres-read-models';
import { followUpsProjection } from '../../src/promises/read-models/follow-ups.projection';
import { createThrowawayDatabase } from '../support/postgres-test-db';

type Store = { db: ReadModelDb; close(): Promise<void> };
const STORES: [string, () => Promise<Store>][] = [
  ['SQLite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'samverkan-follow-ups-'));
    const db = openSqliteReadModels(join(dir, 'read-models.sqlite'));
    return { db, close: async () => { await db.destroy(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['PostgreSQL', async () => {
    const database = await createThrowawayDatabase();
    const db = openPostgresReadModels(database.url);
    return { db, close: async () => { await db.destroy(); await database.drop(); } };
  }],
];

/**
 * Stores written before the domain refused FOLLOW_UP_ID_ALREADY_USED hold
 * "plan maj, extend, plan maj again": those events must still project (and
 * rebuild), or the store could never be read again.
 */
describe.each(STORES)('follow-ups projection (%s): an id planned again in a later period, stored before the domain refused it', (_name, open) => {
  let store: Store;
  let db: ReadModelDb;
  beforeEach(async () => {
    store = await open();
    db = store.db;
    await migrateReadModels(db);
  });
  afterEach(() => store.close());

  let seq = 0;
  const event = (type: string, data: Record<string, unknown>): RecordedEvent => {
    seq++;
    return { id: `e${seq}`, type, streamName: 'promise-ml', revision: BigInt(seq), position: { commit: BigInt(seq), prepare: BigInt(seq) }, data: data as never, metadata: {}, recordedAt: new Date(0) };
  };
  const planned = (year: number) =>
    event('FollowUpsPlanned', { promiseId: 'ml', period: { from: `${year}-01-01`, to: `${year}-12-31` }, followUps: [{ followUpId: 'maj', dueOn: `${year}-05-31`, label: `Maj ${year}` }], finalReportDueOn: `${year + 1}-01-31` });

  it('projects without error: the later plan holds the id, and recording it fills that row', async () => {
    const applier = new ProjectionApplier([followUpsProjection]);
    await applier.apply(db, [planned(2017)]);
    await applier.apply(db, [planned(2018)]);
    await applier.apply(db, [event('FollowUpRecorded', { promiseId: 'ml', followUpId: 'maj', reportedOn: '2018-06-01', summary: 'Klar', activityStatuses: [], measurements: [], communicatedToCitizens: null, communicationChannels: [] })]);
    const rows = await db.selectFrom('follow_ups').select(['follow_up_id', 'period_from', 'label', 'reported_on']).execute();
    expect(rows).toEqual([{ follow_up_id: 'maj', period_from: '2018-01-01', label: 'Maj 2018', reported_on: '2018-06-01' }]);
    const reports = await db.selectFrom('final_reports').select(['period_from', 'due_on']).orderBy('period_from').execute();
    expect(reports).toEqual([{ period_from: '2017-01-01', due_on: '2018-01-31' }, { period_from: '2018-01-01', due_on: '2019-01-31' }]);
  });
});
