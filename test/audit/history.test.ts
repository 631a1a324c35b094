import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/event-store/sqlite';
import { describeHistory } from './support/describe-history';

describeHistory('embedded store', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-history-'));
  const store = await SqliteEventStore.open({ dataDir });
  return { store, dispose: async () => { await store.close(); rmSync(dataDir, { recursive: true, force: true }); } };
});
