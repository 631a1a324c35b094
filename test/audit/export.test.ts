import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { finished } from 'node:stream/promises';
import { join } from 'node:path';
import { ExportScope } from '../../src/audit/export/export-format';
import { exportNdjson, ExportRefusedError } from '../../src/audit/export/ndjson-export';
import { verifyExportFile } from '../../src/audit/export/verify-file';
import { appendAndChain, integrityFixture, IntegrityFixture } from './support/integrity-fixture';

describe('NDJSON export, verified offline by the same verify code', () => {
  let f: IntegrityFixture;

  async function exportTo(name: string, scope: ExportScope): Promise<string> {
    const file = join(f.dataDir, name);
    const out = createWriteStream(file);
    await exportNdjson(f.store, { scope, key: f.key.publicKey, eventKeys: [f.key.eventKey], records: f.records, out });
    out.end();
    await finished(out);
    return file;
  }
  const lines = (file: string) => readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const rewrite = (file: string, edit: (lines: string[]) => string[]) =>
    writeFileSync(file, `${edit(readFileSync(file, 'utf8').trim().split('\n')).join('\n')}\n`);

  beforeEach(async () => {
    f = await integrityFixture({ checkpointEvery: 10 });
    await appendAndChain(f, 4, 10); // 40 events and four checkpoints (over #10, #21, #32, #43, stored as #11, #22, #33, #44)
  });
  afterEach(() => f.dispose());

  it('exports everything with metadata, chain links and signed checkpoints, and the file verifies intact', async () => {
    const file = await exportTo('all.ndjson', { kind: 'all', afterPosition: null });
    const all = lines(file);
    expect(all[0]).toMatchObject({ kind: 'header', format: 'samverkan-audit-export', publicKey: { keyId: f.key.publicKey.keyId } });
    expect(all.filter((l) => l.kind === 'event')).toHaveLength(44);
    expect(all[1]).toMatchObject({ kind: 'event', position: '1/1', metadata: { actor: { userId: 'u-anna' } }, chain: { count: '1' } });
    expect(all.filter((l) => l.kind === 'checkpoint').map((l) => [l.count, l.eventPosition])).toEqual([['10', '11/11'], ['21', '22/22'], ['32', '33/33'], ['43', '44/44']]);
    expect(all[all.length - 1]).toEqual({ kind: 'end', events: 44, checkpoints: 4 });
    expect(await verifyExportFile(file, { keys: [f.key.publicKey] })).toMatchObject({ intact: true, eventsChecked: 44, checkpointsChecked: 4, intactUpTo: '44/44' });
  });

  it('exports from a position, one stream, or one category; each verifies', async () => {
    const fromPosition = await exportTo('from.ndjson', { kind: 'all', afterPosition: '25/25' });
    expect(lines(fromPosition).filter((l) => l.kind === 'event').map((l) => l.position)[0]).toBe('26/26');
    expect(await verifyExportFile(fromPosition)).toMatchObject({ intact: true, eventsChecked: 19, checkpointsChecked: 2 });

    const stream = await exportTo('stream.ndjson', { kind: 'stream', stream: 'sample-1' });
    expect(lines(stream).filter((l) => l.kind === 'event').every((l) => l.stream === 'sample-1')).toBe(true);
    expect(await verifyExportFile(stream)).toMatchObject({ intact: true, eventsChecked: 12 });

    const category = await exportTo('category.ndjson', { kind: 'category', category: 'integrity' });
    expect(await verifyExportFile(category)).toMatchObject({ intact: true, eventsChecked: 4 });
  });

  it('catches an edited event in the file, at its position', async () => {
    const file = await exportTo('all.ndjson', { kind: 'all', afterPosition: null });
    rewrite(file, (ls) => ls.map((l) => (l.includes('"position":"13/13"') ? l.replace('"note":"event 1"', '"note":"event 99"') : l)));
    expect((await verifyExportFile(file)).failure).toMatchObject({ kind: 'EDITED', position: '13/13' });
  });

  it('catches a line removed from the file at the event after it, and a cut-off file', async () => {
    const file = await exportTo('all.ndjson', { kind: 'all', afterPosition: null });
    rewrite(file, (ls) => ls.filter((l) => !l.includes('"position":"7/7"')));
    expect((await verifyExportFile(file)).failure).toMatchObject({ kind: 'BROKEN_LINK', position: '8/8' });

    const cut = await exportTo('cut.ndjson', { kind: 'all', afterPosition: null });
    rewrite(cut, (ls) => ls.slice(0, 20));
    expect((await verifyExportFile(cut)).failure).toMatchObject({ kind: 'TRUNCATED' });
  });

  it('a checkpoint re-signed with another key is refused when the auditor trusts only the published key', async () => {
    const file = await exportTo('all.ndjson', { kind: 'all', afterPosition: null });
    const other = await integrityFixture();
    try {
      expect((await verifyExportFile(file, { keys: [other.key.publicKey] })).failure).toMatchObject({ kind: 'UNKNOWN_KEY', position: '11/11', count: 10n });
    } finally {
      await other.dispose();
    }
  });

  it('refuses to export a store that no longer verifies', async () => {
    await f.tamper((db) => db.prepare(`UPDATE events SET data = json_set(data, '$.note', 'forged') WHERE position = 9`).run());
    const out = createWriteStream(join(f.dataDir, 'refused.ndjson'));
    const error = await exportNdjson(f.store, { scope: { kind: 'all', afterPosition: null }, key: f.key.publicKey, records: f.records, out }).catch((e) => e);
    out.end();
    await finished(out);
    expect(error).toBeInstanceOf(ExportRefusedError);
    expect((error as ExportRefusedError).report.failure).toMatchObject({ kind: 'EDITED', position: '9/9' });
  });
});
