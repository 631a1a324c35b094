import Database from 'better-sqlite3';
import { generateKeyPairSync } from 'node:crypto';
import { signingKeyFrom } from '../../src/audit/integrity/signing-key';
import { unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { chainLink, GENESIS_LINK } from '../../src/audit/integrity/chain-link';
import { CHAIN_LINKS_FILE } from '../../src/audit/integrity/chain-links-db';
import { verifyStore } from '../../src/audit/integrity/verify-store';
import { describeReport } from '../../src/audit/integrity/verify-report';
import { canReadRaw } from '../../src/event-store/raw-event-reader';
import { toRecordedEvent, EventRow, EVENT_COLUMNS } from '../../src/event-store/sqlite/rows';
import { appendSampleEvents, auditedEvent, integrityFixture, IntegrityFixture } from './support/integrity-fixture';

/**
 * The four ways to tamper with the embedded store's file (events.sqlite, table
 * `events`), each caught at the right position. 40 sample events, checkpoints
 * every 10: the chain holds 44 events (4 of them checkpoints).
 */
describe('verify catches tampering with events.sqlite', () => {
  let f: IntegrityFixture;
  /**
   * Verifies twice: through the store's unparsed fast path and through the
   * port alone (as on EventStoreDB), which must reach the same verdict.
   */
  const verify = async () => {
    const options = { keys: [f.key.publicKey], links: f.links };
    const fast = await verifyStore(f.store, options);
    const portOnly = Object.assign(Object.create(f.store) as typeof f.store, { readAllRaw: undefined });
    expect(canReadRaw(portOnly)).toBe(false);
    expect(await verifyStore(portOnly, options)).toEqual(fast);
    return fast;
  };

  beforeEach(async () => {
    f = await integrityFixture({ checkpointEvery: 10 });
    await appendSampleEvents(f.store, 40);
    await f.chainer.catchUp();
  });
  afterEach(() => f.dispose());

  it('reports an untouched store as intact up to its last position, with every link and checkpoint checked', async () => {
    const report = await verify();
    expect(report).toMatchObject({ intact: true, eventsChecked: 44, linksCompared: 44, checkpointsChecked: 4, intactUpTo: '44/44', failure: null });
    expect(describeReport(report)).toContain('Intact up to position 44/44');
  });

  it('EDIT: changing one event’s data is caught at that event', async () => {
    await f.tamper((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'forged') WHERE position = 17`).run());
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'EDITED', position: '17/17', count: 17n });
    expect(report.intactUpTo).toBe('16/16');
  });

  it('EDIT: changing only the metadata (who did it) is caught too', async () => {
    await f.tamper((db) => db.prepare(`UPDATE events SET metadata = json_set(metadata, '$.actor.userId', 'u-other') WHERE position = 5`).run());
    expect((await verify()).failure).toMatchObject({ kind: 'EDITED', position: '5/5' });
  });

  it('DELETE: removing an event is caught at the position it was stored at', async () => {
    await f.tamper((db) => db.prepare('DELETE FROM events WHERE position = 23').run());
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'DELETED', position: '23/23', count: 23n });
    expect(report.intactUpTo).toBe('22/22');
  });

  it('DELETE: removing the newest events is caught as well', async () => {
    await f.tamper((db) => db.prepare('DELETE FROM events WHERE position >= 43').run());
    expect((await verify()).failure).toMatchObject({ kind: 'DELETED', position: '43/43' });
  });

  it('INSERT: slipping a forged event into the middle (shifting the later ones up) is caught where it was put', async () => {
    const forged = auditedEvent('SampleRecorded', { n: 999, note: 'forged' });
    await f.tamper((db) => {
      db.exec('UPDATE events SET position = position + 1000000 WHERE position >= 30; UPDATE events SET position = position - 999999 WHERE position >= 1000030;');
      db.prepare('INSERT INTO events (position, id, stream, revision, type, data, metadata, recorded_at) VALUES (30, ?, ?, 0, ?, ?, ?, ?)')
        .run(forged.id, 'sample-forged', forged.type, JSON.stringify(forged.data), JSON.stringify(forged.metadata), Date.now());
    });
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'INSERTED', position: '30/30', eventId: forged.id });
    expect(report.intactUpTo).toBe('29/29');
  });

  it('REORDER: swapping two stored events is caught at the earlier of the two', async () => {
    await f.tamper((db) => db.exec('UPDATE events SET position = -1 WHERE position = 12; UPDATE events SET position = 12 WHERE position = 19; UPDATE events SET position = 19 WHERE position = -1;'));
    const report = await verify();
    expect(report.failure).toMatchObject({ kind: 'REORDERED', position: '12/12' });
    expect(report.failure!.reason).toContain('#19');
  });

  it('an edit that also rewrites every later recorded link is caught by the next signed checkpoint', async () => {
    await f.tamper((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'forged') WHERE position = 17`).run());
    rewriteLinksFromStore(f);
    const report = await verify();
    // Every event now matches its (rewritten) link; the signed checkpoint over the first 20 does not.
    expect(report.failure).toMatchObject({ kind: 'CHECKPOINT_MISMATCH', position: '20/20', count: 20n });
  });

  it('without any recorded links (a lost integrity.sqlite), the signed checkpoints still catch an edit', async () => {
    f.links.close();
    unlinkSync(join(f.dataDir, CHAIN_LINKS_FILE));
    await f.tamper((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'forged') WHERE position = 3`).run());
    const report = await verifyStore(f.store, { keys: [f.key.publicKey] });
    expect(report.failure).toMatchObject({ kind: 'CHECKPOINT_MISMATCH', position: '10/10' });
  });

  it('a store that keeps growing and being chained while verify runs is not mistaken for a tampered one', async () => {
    // Right after verify reads the head, the live service appends and chains two more events.
    const live = Object.assign(Object.create(f.store) as typeof f.store, {
      headPosition: async () => {
        const head = await f.store.headPosition();
        await appendSampleEvents(f.store, 2);
        await f.chainer.catchUp();
        return head;
      },
    });
    const report = await verifyStore(live, { keys: [f.key.publicKey], links: f.links });
    expect(report).toMatchObject({ intact: true, eventsChecked: 44, intactUpTo: '44/44', failure: null });
  });

  it('lets other work run between pages, so a service stays responsive while it verifies', async () => {
    await appendSampleEvents(f.store, 1200); // three pages
    await f.chainer.catchUp();
    const happened: string[] = [];
    setImmediate(() => happened.push('other work'));
    const report = await verifyStore(f.store, { keys: [f.key.publicKey], links: f.links, onProgress: () => happened.push('page') });
    expect(report.intact).toBe(true);
    expect(happened.indexOf('other work')).toBeGreaterThan(-1);
    expect(happened.indexOf('other work')).toBeLessThan(happened.lastIndexOf('page'));
  });

  describe('across page boundaries (verify reads 500 events at a time)', () => {
    beforeEach(async () => {
      await appendSampleEvents(f.store, 1060); // about 1,200 events with the first 40 and the checkpoints: three pages
      await f.chainer.catchUp();
    });

    it.each([[500], [501], [1000]])('DELETE at position %i is caught there', async (position) => {
      await f.tamper((db) => db.prepare('DELETE FROM events WHERE position = ?').run(position));
      expect((await verify()).failure).toMatchObject({ kind: 'DELETED', position: `${position}/${position}` });
    });

    it('REORDER of two events on different pages is caught at the earlier one', async () => {
      await f.tamper((db) => {
        const swap = db.prepare('UPDATE events SET position = ? WHERE position = ?');
        db.transaction(() => {
          swap.run(-1, 450);
          swap.run(450, 620);
          swap.run(620, -1);
        })();
      });
      expect((await verify()).failure).toMatchObject({ kind: 'REORDERED', position: '450/450' });
    });
  });

  it('a checkpoint signed with another key is not trusted', async () => {
    const other = signingKeyFrom(generateKeyPairSync('ed25519').privateKey);
    const report = await verifyStore(f.store, { keys: [other.publicKey], links: f.links });
    expect(report.failure).toMatchObject({ kind: 'UNKNOWN_KEY', position: '10/10' });
  });
});

/** What a tamperer with write access to integrity.sqlite (but not the signing key) could do. */
function rewriteLinksFromStore(f: IntegrityFixture): void {
  const events = new Database(join(f.dataDir, 'events.sqlite'), { readonly: true });
  const links = new Database(join(f.dataDir, CHAIN_LINKS_FILE));
  let previous = GENESIS_LINK;
  const rows = events.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`).safeIntegers(true).raw(true).all() as EventRow[];
  rows.forEach((row, i) => {
    previous = chainLink(toRecordedEvent(row), previous);
    links.prepare('UPDATE chain_links SET link = ? WHERE count = ?').run(previous, i + 1);
  });
  events.close();
  links.close();
}
