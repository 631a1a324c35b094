import { Kysely } from 'kysely';
import { Position } from '../event-store/event-store.port';
import { positionFromString, positionToString } from '../event-store/position';
import { ReadModelSchema } from './read-model-schema';

/** Where a projection stopped, as every instance reads it from the read-model database. */
export interface StoredFailure {
  /** The event it could not apply (null when the failure was not tied to one, e.g. a lost connection). */
  event: { position: string; stream: string; type: string; id: string } | null;
  error: string;
  retries: number;
  nextRetryAt: string | null;
}

export interface StoredCheckpoint {
  position: Position | undefined;
  failure: StoredFailure | null;
}

/** Each projection's checkpoint (and failure, if it is stopped), by name: it commits with that projection's rows. */
export async function loadCheckpoints(db: Kysely<ReadModelSchema>): Promise<Map<string, StoredCheckpoint>> {
  const rows = await db.selectFrom('projection_checkpoints').select(['name', 'position', 'failure']).execute();
  return new Map(rows.map((row) => [row.name, { position: row.position ? positionFromString(row.position) : undefined, failure: parseFailure(row.failure) }]));
}

/** Moves one projection's checkpoint; applying events again is what clears a failure. */
export async function saveCheckpoint(db: Kysely<ReadModelSchema>, name: string, position: Position, at: Date): Promise<void> {
  const values = { name, position: positionToString(position), updated_at: at.toISOString(), failure: null };
  await db
    .insertInto('projection_checkpoints')
    .values(values)
    .onConflict((oc) => oc.column('name').doUpdateSet({ position: values.position, updated_at: values.updated_at, failure: null }))
    .execute();
}

/** Records why a projection stopped (its checkpoint stays where its last good event left it). */
export async function saveFailure(db: Kysely<ReadModelSchema>, name: string, position: Position | undefined, failure: StoredFailure, at: Date): Promise<void> {
  // A projection that never applied anything has no position yet: '' reads back as none.
  const values = { name, position: position ? positionToString(position) : '', updated_at: at.toISOString(), failure: JSON.stringify(failure) };
  await db
    .insertInto('projection_checkpoints')
    .values(values)
    .onConflict((oc) => oc.column('name').doUpdateSet({ failure: values.failure, updated_at: values.updated_at }))
    .execute();
}

/** The projection works again but had nothing to apply (so no checkpoint move cleared the failure). */
export async function clearFailure(db: Kysely<ReadModelSchema>, name: string): Promise<void> {
  await db.updateTable('projection_checkpoints').set({ failure: null }).where('name', '=', name).execute();
}

export async function clearCheckpoints(db: Kysely<ReadModelSchema>, names: readonly string[]): Promise<void> {
  if (names.length === 0) return;
  await db.deleteFrom('projection_checkpoints').where('name', 'in', names).execute();
}

function parseFailure(text: string | null): StoredFailure | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as StoredFailure;
  } catch {
    return { event: null, error: text, retries: 0, nextRetryAt: null };
  }
}
