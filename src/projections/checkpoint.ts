import { Kysely } from 'kysely';
import { Position } from '../event-store/event-store.port';
import { positionFromString, positionToString } from '../event-store/position';
import { ReadModelSchema } from './read-model-schema';

/** All read models share one checkpoint: they are written in one transaction per batch. */
export const READ_MODELS_CHECKPOINT = 'read-models';

export async function loadCheckpoint(db: Kysely<ReadModelSchema>): Promise<Position | undefined> {
  const row = await db
    .selectFrom('projection_checkpoints')
    .select('position')
    .where('name', '=', READ_MODELS_CHECKPOINT)
    .executeTakeFirst();
  return row ? positionFromString(row.position) : undefined;
}

export async function saveCheckpoint(db: Kysely<ReadModelSchema>, position: Position, at: Date): Promise<void> {
  const values = { name: READ_MODELS_CHECKPOINT, position: positionToString(position), updated_at: at.toISOString() };
  await db
    .insertInto('projection_checkpoints')
    .values(values)
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: values.position, updated_at: values.updated_at }))
    .execute();
}

export async function clearCheckpoint(db: Kysely<ReadModelSchema>): Promise<void> {
  await db.deleteFrom('projection_checkpoints').where('name', '=', READ_MODELS_CHECKPOINT).execute();
}
