import { EventStore, Position } from '../event-store/event-store.port';
import { ReadModelSchema } from './read-model-schema';
import { Kysely } from 'kysely';
import { ProjectionApplier } from './projection-applier';
import { clearCheckpoints } from './checkpoint';
import { dropIndexesUntilDone } from './deferred-indexes';

/** Big pages: one transaction each, and a rebuild is mostly long runs of inserts. */
const PAGE = 5000;

export interface RebuildProgress {
  eventsDone: number;
  position: Position;
}

/**
 * Drops the applier's read-model rows and replays the whole log, in place
 * (the `rebuild` command builds aside instead: rebuild-aside.ts). Pages through `$all`,
 * so memory stays flat however long the history is. `until` (exclusive of
 * later events) builds the read models as they were at that point.
 */
export async function rebuildReadModels(
  store: EventStore,
  db: Kysely<ReadModelSchema>,
  applier: ProjectionApplier,
  options: { until?: (event: { recordedAt: Date; position: Position }) => boolean; onProgress?: (p: RebuildProgress) => void } = {},
): Promise<number> {
  await db.transaction().execute(async (trx) => {
    for (const table of applier.tables()) await trx.deleteFrom(table as keyof ReadModelSchema).execute();
    await clearCheckpoints(trx, applier.projections.map((p) => p.name));
  });
  const restoreIndexes = await dropIndexesUntilDone(db, applier.tablesThatBuildIndexesLast());
  try {
    return await replay(store, db, applier, options);
  } finally {
    await restoreIndexes();
  }
}

async function replay(
  store: EventStore,
  db: Kysely<ReadModelSchema>,
  applier: ProjectionApplier,
  options: { until?: (event: { recordedAt: Date; position: Position }) => boolean; onProgress?: (p: RebuildProgress) => void },
): Promise<number> {
  let after: Position | undefined;
  let done = 0;
  for (;;) {
    const page = await store.readAll({ after, maxCount: PAGE });
    const included = options.until ? page.filter((e) => options.until!(e)) : page;
    await applier.apply(db, included);
    done += included.length;
    if (page.length > 0) {
      after = page[page.length - 1].position;
      options.onProgress?.({ eventsDone: done, position: after });
    }
    if (page.length < PAGE || included.length < page.length) return done;
  }
}

