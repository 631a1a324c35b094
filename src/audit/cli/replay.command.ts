import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../../config/app-config';
import { createEventStore } from '../../event-store/create-event-store';
import { replayReadModels } from './replay';
import { eventProgress } from './event-progress';

const LIVE_READ_MODELS = 'read-models.sqlite';

/** Where an audit replay goes unless told: beside the live files, never over them. */
export function auditReplayFile(dataDir: string, until: Date): string {
  return join(dataDir, 'audit', `read-models-as-of-${until.toISOString().replace(/[:.]/g, '-')}.sqlite`);
}

/**
 * `samverkan replay [--until <instant>] [--out file]`. Without --until: rebuilds
 * the live read models (stop the service first). With --until: the read models
 * as of that instant, in a separate file; the live ones are left alone.
 */
export async function replayCommand(options: { until?: string; out?: string }): Promise<void> {
  const config = loadConfig();
  const until = options.until === undefined ? undefined : new Date(options.until);
  if (until && Number.isNaN(until.getTime())) throw new Error(`--until must be an ISO instant, got "${options.until}"`);
  const live = resolve(config.DATA_DIR, LIVE_READ_MODELS);
  const file = resolve(options.out ?? (until ? auditReplayFile(config.DATA_DIR, until) : live));
  if (until && file === live) throw new Error('An audit replay (--until) never writes over the live read models');
  mkdirSync(resolve(file, '..'), { recursive: true });

  // An audit replay reads the events only and may run beside the service; a live replay takes the store's lock.
  const store = await createEventStore(config, { readOnly: until !== undefined });
  const progress = await eventProgress('replay', store);
  try {
    const count = await replayReadModels(store, { file, until, mustBeNew: until !== undefined, onProgress: progress.update });
    progress.finish();
    console.log(`Replayed ${count} events into ${file}${until ? ` (as of ${until.toISOString()})` : ''}.`);
  } finally {
    progress.stop();
    await store.close();
  }
}
