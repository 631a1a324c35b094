import { loadConfig } from '../config/app-config';
import { createEventStore } from '../event-store/create-event-store';
import { rebuildAside } from './rebuild-aside';

/**
 * `samverkan rebuild [--projection <name>]`: read models from the events alone,
 * built aside and swapped in only on success. Opening the store for writing
 * takes the data directory's lock, so this is refused while the service runs.
 */
export async function rebuildCommand(options: { projection?: string } = {}): Promise<void> {
  const config = loadConfig();
  const store = await createEventStore(config);
  try {
    const started = Date.now();
    const count = await rebuildAside(config, store, { projection: options.projection });
    const what = options.projection ? `the ${options.projection} read model` : 'the read models';
    console.log(`Rebuilt ${what} from ${count} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    // The live read models are as they were; say which projection and event stopped the rebuild.
    throw new Error(`Rebuild failed, the read models are unchanged: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await store.close();
  }
}
