import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chainLink, GENESIS_LINK } from '../../src/audit/integrity/chain-link';
import { IntegrityChainer } from '../../src/audit/integrity/integrity-chainer';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';
import { INTEGRITY_RECORDS_FILE, SqliteIntegrityRecords } from '../../src/audit/integrity/sqlite-integrity-records';
import { verifyStore, VerifyStoreOptions } from '../../src/audit/integrity/verify-store';
import { describeReport } from '../../src/audit/integrity/verify-report';
import { canReadRaw } from '../../src/event-store/raw-event-reader';
import { positionToString } from '../../src/event-store/position';
import Database from 'better-sqlite3';
import { appendSampleEvents, auditedEvent } from './support/integrity-fixture';
import { embeddedTamperable, esdbTamperable, positionsOf, TamperableStore } from './support/tamperable-store';

/**
 * Someone with write access to the event store (and to the integrity records
 * beside it), but without the service's signing key, changes a stopped store.
 * Each change is caught at the first event it touches, named for what it is;
 * what is lost without tampering (the records) is never taken for tampering.
 *
 * The store: 40 sample events chained in four rounds of ten, as a service
 * would, so the chain holds 44 events and four signed checkpoints: covering
 * #10, #21, #32 and #43, stored as events #11, #22, #33 and #44.
 */
const key = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
const stores: [string, typeof embeddedTamperable | typeof esdbTamperable][] = [
  ['embedded', embeddedTamperable],
  ['EventStoreDB', esdbTamperable],
];

describe.each(stores)('verify catches tampering (%s)', (_name, makeStore) => {
  let target: TamperableStore;
  let dir: string;
  let records: SqliteIntegrityRecords;
  /** positions[n - 1]: where event n was before anyone touched the store. */
  let P: string[];
  const at = (n: number) => P[n - 1];
  const chainer = () => new IntegrityChainer(target.store, records, key, { everyEvents: 10, everyMinutes: 60 });
  const editRecords = (sql: string, ...params: unknown[]) => {
    const db = new Database(join(dir, INTEGRITY_RECORDS_FILE));
    db.prepare(sql).run(...params);
    db.close();
  };
  const positionOfId = async (id: string) => {
    const events = await target.store.readAll({ maxCount: 1000 });
    return positionToString(events.find((e) => e.id === id)!.position);
  };
  /**
   * Verifies with the service's key and records. On the embedded store twice: through its unparsed fast
   * path and through the port alone (as on EventStoreDB), which must reach the same verdict.
   */
  const verify = async (more: Partial<VerifyStoreOptions> = {}) => {
    const options: VerifyStoreOptions = { keys: [key.publicKey], eventKeys: [key.eventKey], records, ...more };
    const report = await verifyStore(target.store, options);
    if (canReadRaw(target.store)) {
      const portOnly = Object.assign(Object.create(target.store) as typeof target.store, { readAllRaw: undefined });
      expect(await verifyStore(portOnly, options)).toEqual(report);
    }
    return report;
  };

  beforeEach(async () => {
    target = await makeStore(key.eventKey);
    dir = mkdtempSync(join(tmpdir(), 'samverkan-records-'));
    records = SqliteIntegrityRecords.open(join(dir, INTEGRITY_RECORDS_FILE));
    for (let round = 0; round < 4; round++) {
      await appendSampleEvents(target.store, 10);
      expect(await chainer().catchUp()).toBeNull();
    }
    P = await positionsOf(target.store);
    expect(P).toHaveLength(44);
  });
  afterEach(async () => {
    await records.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('an untouched store is intact up to its last event, every link, checkpoint and the tail’s authenticator checked', async () => {
    const report = await verify();
    expect(report).toMatchObject({
      intact: true, eventsChecked: 44, linksCompared: 44, checkpointsChecked: 4, authenticatorsChecked: 1,
      intactUpTo: at(44), provenUpTo: at(44), unprovenEvents: 0, failure: null,
    });
    expect(describeReport(report)).toContain(`Intact up to position ${at(44)}`);
  });

  it('EDIT: one event’s data changed is caught at that event', async () => {
    await target.tamper((t) => t.editData(17, (data) => ({ ...data, note: 'forged' })));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'EDITED', position: at(17), count: 17n });
    expect(report.intactUpTo).toBe(at(16));
  });

  it('EDIT: only the metadata (who did it) changed is caught too', async () => {
    await target.tamper((t) => t.editMetadata(5, (metadata) => ({ ...metadata, actor: { userId: 'u-other' } })));
    expect((await verify()).failure).toMatchObject({ kind: 'EDITED', position: at(5), count: 5n });
  });

  it('EDIT: only the recorded time changed (no authenticator covers it) is caught by the chain, at that event', async () => {
    await target.tamper((t) => t.shiftRecordedAt(17, 3_600_000));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'EDITED', position: at(17), count: 17n });
    expect(report.failure!.reason).toContain('recorded time');
  });

  it('EDIT with every later link recomputed: the signed checkpoint fails, and the authenticators name the event', async () => {
    await target.tamper((t) => t.editData(17, (data) => ({ ...data, note: 'forged' })));
    await rewriteLinksFromStore();
    expect((await verify()).failure).toMatchObject({ kind: 'EDITED', position: at(17), count: 17n });
    // Without the key (an outsider), the checkpoint alone shows it, naming the events it covers.
    const outsider = await verify({ eventKeys: [] });
    expect(outsider.failure).toMatchObject({ kind: 'CHECKPOINT_MISMATCH', position: at(11), count: 11n });
    expect(outsider.failure!.reason).toContain(at(22));
  });

  it('DELETE: an event removed is caught at the position it was stored at', async () => {
    await target.tamper((t) => t.remove(23, 23));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'DELETED', position: at(23), count: 23n });
    expect(report.intactUpTo).toBe(at(22));
  });

  it('REORDER: two events swapped are caught at the earlier of the two', async () => {
    await target.tamper((t) => t.swap(12, 19));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'REORDERED', position: at(12), count: 12n });
    expect(report.failure!.reason).toContain('#19');
  });

  it('INSERT: a forged event slipped in between two others is caught where it was put', async () => {
    const forged = auditedEvent('SampleRecorded', { n: 999, note: 'forged' });
    await target.tamper((t) => t.insertBefore(30, 'sample-forged', forged));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'INSERTED', position: await positionOfId(forged.id), count: 30n, eventId: forged.id });
    expect(report.intactUpTo).toBe(at(29));
  });

  it('APPEND: a forged event at the end is caught (it carries no authenticator), and the chainer will not chain it', async () => {
    const forged = auditedEvent('SampleRecorded', { n: 999, note: 'forged' });
    await target.tamper((t) => t.append('sample-forged', forged));
    const position = await positionOfId(forged.id);
    expect((await verify()).failure).toMatchObject({ kind: 'FORGED', position, count: 45n, eventId: forged.id });
    const refused = await chainer().catchUp();
    expect(refused?.failure).toMatchObject({ kind: 'FORGED', position });
    expect((await records.lastLink())?.count).toBe(44n);
  });

  it('TRUNCATE with the links left: the links name the first event removed', async () => {
    await target.tamper((t) => t.remove(41));
    expect((await verify()).failure).toMatchObject({ kind: 'DELETED', position: at(41), count: 41n });
  });

  it('TRUNCATE with the links removed too: the checkpoint kept outside the store, or an auditor’s saved one, shows it', async () => {
    const saved = (await records.latestCheckpoint())!;
    expect(saved).toMatchObject({ count: 43n, position: at(43), eventPosition: at(44) });
    await target.tamper((t) => t.remove(41));
    editRecords('DELETE FROM chain_links WHERE count >= 41');
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'TRUNCATED', position: at(43), count: 41n });
    expect(report.intactUpTo).toBe(at(40));

    editRecords('DELETE FROM latest_checkpoint');
    expect(await verify()).toMatchObject({ intact: true }); // nothing within the tamperer's reach remembers the end
    const expected = [{ checkpoint: saved, source: 'the checkpoint the auditor saved' }];
    expect((await verify({ expected })).failure).toMatchObject({ kind: 'TRUNCATED', position: at(43), count: 41n });
  });

  it('SWAP SIGNATURE: a checkpoint given another checkpoint’s signature is caught at the checkpoint event itself', async () => {
    const first = (await target.store.readStream('integrity-checkpoints'))[0];
    await target.tamper((t) => t.editData(22, (data) => ({ ...data, signature: first.data.signature })));
    expect((await verify()).failure).toMatchObject({ kind: 'BAD_SIGNATURE', position: at(22), count: 21n });
  });

  it('a checkpoint signed by a key not trusted here is named at the checkpoint event', async () => {
    const other = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    expect((await verify({ keys: [other.publicKey] })).failure).toMatchObject({ kind: 'UNKNOWN_KEY', position: at(11), count: 10n });
  });

  it('a recorded link changed (the records, not the store) is named as such, not as an edited event', async () => {
    editRecords('UPDATE chain_links SET link = ? WHERE count = 12', 'f'.repeat(64));
    expect((await verify()).failure).toMatchObject({ kind: 'LINK_ALTERED', position: at(12), count: 12n });
  });

  it('NO FALSE ALARM: every recorded link and the kept checkpoint lost: intact, re-chained from the store, and signing goes on', async () => {
    editRecords('DELETE FROM chain_links');
    editRecords('DELETE FROM latest_checkpoint');
    expect(await verify()).toMatchObject({ intact: true, linksCompared: 0, checkpointsChecked: 4 });
    expect(await chainer().catchUp()).toBeNull();
    expect((await records.lastLink())?.count).toBe(44n);
    await appendSampleEvents(target.store, 10);
    expect(await chainer().catchUp()).toBeNull();
    expect(await verify()).toMatchObject({ intact: true, eventsChecked: 55, linksCompared: 55, checkpointsChecked: 5 });
    const counts = (await target.store.readStream('integrity-checkpoints')).map((e) => Number(e.data.count));
    expect(counts).toEqual([10, 21, 32, 43, 54]);
  });

  it('NO FALSE ALARM: the newest links lost (a power cut): intact, and the lost tail is re-chained', async () => {
    editRecords('DELETE FROM chain_links WHERE count > 30');
    expect(await verify()).toMatchObject({ intact: true, failure: null });
    expect(await chainer().catchUp()).toBeNull();
    expect(await verify()).toMatchObject({ intact: true, linksCompared: 44 });
  });

  it('an outsider with only the public key: proven up to the last signed checkpoint; the newest events need the key', async () => {
    expect(await verify({ eventKeys: [] })).toMatchObject({ intact: true, provenUpTo: at(43), unprovenEvents: 1, authenticatorsChecked: 0 });
  });

  /** What a tamperer with write access to the records (but not the key) could do: recompute every link from the store. */
  async function rewriteLinksFromStore(): Promise<void> {
    let previous = GENESIS_LINK;
    const events = await target.store.readAll({ maxCount: 1000 });
    const db = new Database(join(dir, INTEGRITY_RECORDS_FILE));
    const update = db.prepare('UPDATE chain_links SET link = ? WHERE count = ?');
    events.forEach((event, i) => {
      previous = chainLink(event, previous);
      update.run(previous, i + 1);
    });
    db.close();
  }
});

describe('verify across page boundaries (it reads 500 events at a time; embedded store)', () => {
  let target: TamperableStore;
  let dir: string;
  let records: SqliteIntegrityRecords;
  const verify = () => verifyStore(target.store, { keys: [key.publicKey], eventKeys: [key.eventKey], records });

  beforeEach(async () => {
    target = await embeddedTamperable(key.eventKey);
    dir = mkdtempSync(join(tmpdir(), 'samverkan-records-'));
    records = SqliteIntegrityRecords.open(join(dir, INTEGRITY_RECORDS_FILE));
    for (let round = 0; round < 3; round++) {
      await appendSampleEvents(target.store, 400);
      await new IntegrityChainer(target.store, records, key, { everyEvents: 400, everyMinutes: 60 }).catchUp();
    }
  });
  afterEach(async () => {
    await records.close();
    await target.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([[500], [501], [1000]])('DELETE at position %i is caught there', async (position) => {
    await target.tamper((t) => t.remove(position, position));
    expect((await verify()).failure).toMatchObject({ kind: 'DELETED', position: `${position}/${position}` });
  });

  it('REORDER of two events on different pages is caught at the earlier one', async () => {
    await target.tamper((t) => t.swap(450, 620));
    expect((await verify()).failure).toMatchObject({ kind: 'REORDERED', position: '450/450' });
  });

  it('a store that keeps growing and being chained while verify runs is not mistaken for a tampered one', async () => {
    // Right after verify reads the head, the live service appends and chains two more events.
    const live = Object.assign(Object.create(target.store) as typeof target.store, {
      headPosition: async () => {
        const head = await target.store.headPosition();
        await appendSampleEvents(target.store, 2);
        await new IntegrityChainer(target.store, records, key, { everyEvents: 400, everyMinutes: 60 }).catchUp();
        return head;
      },
    });
    const report = await verifyStore(live, { keys: [key.publicKey], eventKeys: [key.eventKey], records });
    expect(report).toMatchObject({ intact: true, eventsChecked: 1203, intactUpTo: '1203/1203', failure: null });
  });

  it('lets other work run between pages, so a service stays responsive while it verifies', async () => {
    const happened: string[] = [];
    setImmediate(() => happened.push('other work'));
    const report = await verifyStore(target.store, { keys: [key.publicKey], records, onProgress: () => happened.push('page') });
    expect(report.intact).toBe(true);
    expect(happened.indexOf('other work')).toBeGreaterThan(-1);
    expect(happened.indexOf('other work')).toBeLessThan(happened.lastIndexOf('page'));
  });
});
