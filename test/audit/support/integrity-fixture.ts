import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, EventToAppend } from '../../../src/event-store/event-store.port';
import { DATABASE_FILE, SqliteEventStore } from '../../../src/event-store/sqlite';
import { AuthenticatingEventStore } from '../../../src/audit/integrity/authenticating-event-store';
import { IntegrityChainer } from '../../../src/audit/integrity/integrity-chainer';
import { SigningKey, loadSigningKey } from '../../../src/audit/integrity/signing-key';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../../../src/audit/integrity/sqlite-integrity-records';
import { verifyStore, VerifyStoreOptions } from '../../../src/audit/integrity/verify-store';
import { VerifyReport } from '../../../src/audit/integrity/verify-report';

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

/** `rounds` of `perRound` events, each round chained (and a checkpoint signed) as a live service would. */
export async function appendAndChain(f: IntegrityFixture, rounds: number, perRound: number): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await appendSampleEvents(f.store, perRound);
    const failure = await f.chainer.catchUp();
    if (failure) throw new Error(`the sample store did not chain: ${failure.failure?.reason}`);
  }
}

export interface IntegrityFixture {
  dataDir: string;
  /** The store as the service writes to it (every append authenticated with `key`). */
  store: EventStore;
  records: SqliteIntegrityRecords;
  key: SigningKey;
  chainer: IntegrityChainer;
  /** verifyStore with the service's key and records (and any more options). */
  verify(options?: Partial<VerifyStoreOptions>): Promise<VerifyReport>;
  /** Closes the store, lets `edit` change events.sqlite directly, then reopens it. */
  tamper(edit: (db: Database.Database) => void): Promise<void>;
  /** Lets `edit` change integrity.sqlite directly. */
  tamperRecords(edit: (db: Database.Database) => void): void;
  dispose(): Promise<void>;
}

export async function integrityFixture(options: { checkpointEvery?: number } = {}): Promise<IntegrityFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-audit-'));
  const key = loadSigningKey({ dataDir, production: false });
  const records = SqliteIntegrityRecords.open(join(dataDir, INTEGRITY_RECORDS_FILE));
  const open = async () => new AuthenticatingEventStore(await SqliteEventStore.open({ dataDir }), key.eventKey);
  const fixture: IntegrityFixture = {
    dataDir,
    key,
    records,
    store: await open(),
    chainer: undefined as unknown as IntegrityChainer,
    verify: (more = {}) => verifyStore(fixture.store, { keys: [key.publicKey], eventKeys: [key.eventKey], records, ...more }),
    async tamper(edit) {
      await fixture.store.close();
      const db = new Database(join(dataDir, DATABASE_FILE));
      try {
        edit(db);
      } finally {
        db.close();
      }
      fixture.store = await open();
      fixture.chainer = chainer();
    },
    tamperRecords(edit) {
      const db = new Database(join(dataDir, INTEGRITY_RECORDS_FILE));
      try {
        edit(db);
      } finally {
        db.close();
      }
    },
    async dispose() {
      await fixture.store.close();
      await records.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  const chainer = () => new IntegrityChainer(fixture.store, records, key, { everyEvents: options.checkpointEvery ?? 10, everyMinutes: 60 });
  fixture.chainer = chainer();
  return fixture;
}
