import { loadConfig } from '../config/app-config';
import { createEventStore } from '../event-store/create-event-store';
import { ALL_PROJECTIONS } from './all-projections';
import { ProjectionApplier } from './projection-applier';
import { migrateReadModels, openReadModels } from './read-model-database';
import { rebuildReadModels } from './rebuild';

/** `samverkan rebuild`: every read model from the events alone. */
export async function rebuildCommand(): Promise<void> {
  const config = loadConfig();
  const store = await createEventStore(config);
  const db = openReadModels(config);
  try {
    await migrateReadModels(db);
    const started = Date.now();
    const count = await rebuildReadModels(store, db, new ProjectionApplier(ALL_PROJECTIONS));
    console.log(`Rebuilt the read models from ${count} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await db.destroy();
    await store.close();
  }
}
