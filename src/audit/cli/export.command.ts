import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { loadConfig } from '../../config/app-config';
import { ExportScope } from '../export/export-format';
import { exportNdjson } from '../export/ndjson-export';
import { openAuditCliContext } from './audit-cli-context';

export interface ExportCommandOptions {
  stream?: string;
  category?: string;
  after?: string;
  out?: string;
}

function scopeOf(options: ExportCommandOptions): ExportScope {
  if ([options.stream, options.category, options.after].filter(Boolean).length > 1) {
    throw new Error('Choose one of --stream, --category or --after');
  }
  if (options.stream) return { kind: 'stream', stream: options.stream };
  if (options.category) return { kind: 'category', category: options.category };
  return { kind: 'all', afterPosition: options.after ?? null };
}

/** `samverkan export [--stream s | --category c | --after commit/prepare] [--out file]` (stdout by default). */
export async function exportCommand(options: ExportCommandOptions): Promise<void> {
  const config = loadConfig();
  const scope = scopeOf(options);
  const context = await openAuditCliContext(config);
  const out: Writable = options.out ? createWriteStream(options.out) : process.stdout;
  try {
    if (context.keys.length === 0) throw new Error('No signing key here (INTEGRITY_SIGNING_KEY or DATA_DIR/integrity-signing-key.pem)');
    const { events, checkpoints } = await exportNdjson(context.store, { scope, key: context.keys[0], eventKeys: context.eventKeys, records: context.records, out });
    console.error(`Exported ${events} events and ${checkpoints} signed checkpoints${options.out ? ` to ${options.out}` : ''}.`);
  } finally {
    if (options.out) {
      out.end();
      await finished(out);
    }
    await context.close();
  }
}
