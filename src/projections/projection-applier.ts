import { Kysely } from 'kysely';
import { Position, RecordedEvent } from '../event-store/event-store.port';
import { saveCheckpoint } from './checkpoint';
import { Projection, ReadModelTransaction } from './projection';
import { ReadModelSchema } from './read-model-schema';

/** Checks, inside a projection transaction and before it writes, that this process may still write (ProjectionLeadership.fence). */
export type ProjectionFence = (trx: ReadModelTransaction) => Promise<void>;

/** In `Projection.handles`: every event, whatever its type (the audit log). */
export const EVERY_EVENT = '*';

/**
 * Applies a batch of events to every interested projection and moves the
 * checkpoint, all in one transaction. Shared by the live runner and rebuilds,
 * which is what makes a rebuild produce exactly the rows live projection did.
 */
export class ProjectionApplier {
  private readonly byType = new Map<string, Projection[]>();

  constructor(
    readonly projections: readonly Projection[],
    private readonly clock: () => Date = () => new Date(),
    /** The live runner's applier is fenced by the projection leadership; a rebuild's is not. */
    private readonly fence?: ProjectionFence,
  ) {
    for (const projection of projections) {
      const types = projection.handles.includes(EVERY_EVENT) ? [EVERY_EVENT] : projection.handles;
      for (const type of types) this.byType.set(type, [...(this.byType.get(type) ?? []), projection]);
    }
  }

  /** Returns the new checkpoint (the last event's position). */
  async apply(db: Kysely<ReadModelSchema>, batch: readonly RecordedEvent[]): Promise<Position | undefined> {
    if (batch.length === 0) return undefined;
    const last = batch[batch.length - 1].position;
    await db.transaction().execute(async (trx) => {
      await this.fence?.(trx);
      if (this.projections.some((p) => p.applyBatch)) await this.applyByProjection(trx, batch);
      else await this.applyInOrder(trx, batch);
      await saveCheckpoint(trx, last, this.clock());
    });
    return last;
  }

  private async applyInOrder(trx: ReadModelTransaction, batch: readonly RecordedEvent[]): Promise<void> {
    for (const event of batch) {
      for (const projection of this.byType.get(event.type) ?? []) await projection.apply(trx, event);
      for (const projection of this.byType.get(EVERY_EVENT) ?? []) await projection.apply(trx, event);
    }
  }

  /** Each projection owns its tables, so each can take its share of the batch on its own, in order. */
  private async applyByProjection(trx: ReadModelTransaction, batch: readonly RecordedEvent[]): Promise<void> {
    for (const projection of this.projections) {
      const handled = new Set(projection.handles);
      const events = handled.has(EVERY_EVENT) ? batch : batch.filter((event) => handled.has(event.type));
      if (events.length === 0) continue;
      if (projection.applyBatch) await projection.applyBatch(trx, events);
      else for (const event of events) await projection.apply(trx, event);
    }
  }

  /** Tables whose secondary indexes a rebuild may build at the end (see Projection.rebuildBuildsIndexesLast). */
  tablesThatBuildIndexesLast(): string[] {
    return [...new Set(this.projections.filter((p) => p.rebuildBuildsIndexesLast).flatMap((p) => p.tables))];
  }

  /** Every table the projections own (emptied by a rebuild). */
  tables(): string[] {
    return [...new Set(this.projections.flatMap((p) => p.tables))];
  }
}
