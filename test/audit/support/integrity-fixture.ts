import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, EventToAppend } from '../../../src/event-store/event-store.port';
import { DATABASE_FILE, SqliteEventStore } from '../../../src/event-store/sqlite';
import { ChainLinksDb, CHAIN_LINKS_FILE } from '../../../src/audit/integrity/chain-links-db';
import { IntegrityChainer } from '../../../src/audit/integrity/integrity-chainer';
import { SigningKey, loadSigningKey } from '../../../src/audit/integrity/signing-key';

/** An event as the write path stores it: who, when and why in the metadata. */
export function auditedEvent(type: string, data: Record<string, string | number | null>, at = new Date('2016-01-01T10:00:00Z')): EventToAppend {
  const commandId = randomUUID();
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      commandId, commandType: `Do${type}`, correlationId: randomUUID(), causationId: commandId,
      actor: { userId: 'u-anna', displayName: 'Anna Berg', organisationId: 'org-habo', role: 'samordnare' },
      occurredAt: at.toISOString(), schemaVersion: 1,
    },
  };
}

/** `count` events spread over a few streams, appended one command at a time. */
export async function appendSampleEvents(store: EventStore, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const stream = `sample-${i % 4}`;
    await store.append(stream, [auditedEvent('SampleRecorded', { n: i, note: `event ${i}`, amount: i * 1.5 })], { expectedRevision: 'any' });
  }
}

export interface IntegrityFixture {
  dataDir: string;
  store: SqliteEventStore;
  links: ChainLinksDb;
  key: SigningKey;
  chainer: IntegrityChainer;
  /** Closes the store, lets `edit` change events.sqlite directly, then reopens it. */
  tamper(edit: (db: Database.Database) => void): Promise<void>;
  dispose(): Promise<void>;
}

export async function integrityFixture(options: { checkpointEvery?: number } = {}): Promise<IntegrityFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-audit-'));
  const key = loadSigningKey({ dataDir, production: false });
  const links = ChainLinksDb.open(join(dataDir, CHAIN_LINKS_FILE));
  const fixture: IntegrityFixture = {
    dataDir,
    key,
    links,
    store: await SqliteEventStore.open({ dataDir }),
    chainer: undefined as unknown as IntegrityChainer,
    async tamper(edit) {
      await fixture.store.close();
      const db = new Database(join(dataDir, DATABASE_FILE));
      try {
        edit(db);
      } finally {
        db.close();
      }
      fixture.store = await SqliteEventStore.open({ dataDir });
    },
    async dispose() {
      await fixture.store.close();
      links.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  fixture.chainer = new IntegrityChainer(fixture.store, links, key, { everyEvents: options.checkpointEvery ?? 10, everyMinutes: 60 });
  return fixture;
}
