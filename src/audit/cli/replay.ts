import { existsSync } from 'node:fs';
import { EventStore, Position } from '../../event-store/event-store.port';
import { ALL_PROJECTIONS } from '../../projections/all-projections';
import { ProjectionApplier } from '../../projections/projection-applier';
import { migrateReadModels, openSqliteReadModels } from '../../projections/read-model-database';
import { rebuildReadModels } from '../../projections/rebuild';

export interface ReplayOptions {
  /** The read-model database to (re)build. */
  readonly file: string;
  /** Only events the store recorded up to and including this instant. */
  readonly until?: Date;
  /** Refuse to touch an existing file (audit replays go to a fresh file). */
  readonly mustBeNew?: boolean;
  readonly onProgress?: (eventsDone: number, position: Position) => void;
}

/** Every read model rebuilt from the events (optionally as of an instant) into `file`. */
export async function replayReadModels(store: EventStore, options: ReplayOptions): Promise<number> {
  if (options.mustBeNew && existsSync(options.file)) throw new Error(`${options.file} exists: an audit replay writes a new file`);
  const db = openSqliteReadModels(options.file);
  try {
    await migrateReadModels(db);
    const until = options.until?.getTime();
    return await rebuildReadModels(store, db, new ProjectionApplier(ALL_PROJECTIONS), {
      until: until === undefined ? undefined : (event) => event.recordedAt.getTime() <= until,
      onProgress: (p) => options.onProgress?.(p.eventsDone, p.position),
    });
  } finally {
    await db.destroy();
  }
}
