import { Kysely, sql } from 'kysely';
import { Position, RecordedEvent } from '../event-store/event-store.port';
import { comparePositions, positionToString } from '../event-store/position';
import { saveCheckpoint } from './checkpoint';
import { Projection, ReadModelTransaction } from './projection';
import { ReadModelSchema } from './read-model-schema';
import { LeadershipLostError } from './leadership/projection-leadership';

/** Checks, inside a projection transaction and before it writes, that this process may still write (ProjectionLeadership.fence). */
export type ProjectionFence = (trx: ReadModelTransaction) => Promise<void>;

/** In `Projection.handles`: every event, whatever its type (the audit log). */
export const EVERY_EVENT = '*';

/** The event a projection could not apply, as operators and clients are told about it. */
export interface FailedEvent {
  position: string;
  stream: string;
  type: string;
  id: string;
}

/**
 * A projection could not apply an event. The events before it in the batch are
 * committed (its checkpoint is `checkpoint`); nothing of the event itself is.
 */
export class ProjectionFailure extends Error {
  constructor(
    readonly projection: string,
    /** Null when no single event could be blamed (the database itself failed). */
    readonly event: FailedEvent | null,
    override readonly cause: unknown,
    /** Where the projection's checkpoint is now: after the last event it did apply. */
    readonly checkpoint: Position | undefined,
  ) {
    const what = event ? `event ${event.id} (${event.type} at ${event.position} in ${event.stream})` : 'a batch';
    super(`Projection ${projection} failed on ${what}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Applies events to projections, each projection in a transaction of its own
 * together with its own checkpoint, so a projection that fails stops only
 * itself. Shared by the live runner and rebuilds, which is what makes a
 * rebuild produce exactly the rows live projection did.
 */
export class ProjectionApplier {
  constructor(
    readonly projections: readonly Projection[],
    private readonly clock: () => Date = () => new Date(),
    /** The live runner's applier is fenced by the projection leadership; a rebuild's is not. */
    private readonly fence?: ProjectionFence,
  ) {}

  /**
   * Every projection takes the whole batch; returns the new checkpoint (the
   * last event's position). Throws the first ProjectionFailure (a rebuild stops
   * there); projections before it in the list have committed the batch.
   */
  async apply(db: Kysely<ReadModelSchema>, batch: readonly RecordedEvent[]): Promise<Position | undefined> {
    if (batch.length === 0) return undefined;
    for (const projection of this.projections) await this.applyTo(db, projection, batch);
    return batch[batch.length - 1].position;
  }

  /**
   * `projection`'s share of `batch`, and its checkpoint moved to the batch's
   * last event, in one transaction. On failure, finds the event that fails,
   * commits what came before it and throws a ProjectionFailure naming it.
   */
  async applyTo(db: Kysely<ReadModelSchema>, projection: Projection, batch: readonly RecordedEvent[]): Promise<Position> {
    const last = batch[batch.length - 1].position;
    const events = this.eventsFor(projection, batch);
    try {
      await db.transaction().execute(async (trx) => {
        await this.fence?.(trx);
        await applyEvents(trx, projection, events);
        await saveCheckpoint(trx, projection.name, last, this.clock());
      });
      return last;
    } catch (error) {
      // A lost lease is nobody's event: the runner stops leading, the next leader goes on from the checkpoint.
      if (error instanceof LeadershipLostError) throw error;
      throw await this.isolateFailure(db, projection, batch, events, error);
    }
  }

  /** Event by event, to learn which one fails; then the ones before it are committed on their own. */
  private async isolateFailure(
    db: Kysely<ReadModelSchema>,
    projection: Projection,
    batch: readonly RecordedEvent[],
    events: readonly RecordedEvent[],
    batchError: unknown,
  ): Promise<ProjectionFailure> {
    let failed: RecordedEvent | undefined;
    let cause: unknown = batchError;
    await db
      .transaction()
      .execute(async (trx) => {
        for (const event of events) {
          try {
            await projection.apply(trx, event);
          } catch (error) {
            [failed, cause] = [event, error];
            throw error;
          }
        }
        throw new Error('rolled back: this pass only looks for the failing event');
      })
      .catch(() => undefined);
    // An event that "fails" because the database went away is not to blame: then no event is named.
    if (!failed || !(await reachable(db))) return new ProjectionFailure(projection.name, null, failed ? cause : batchError, undefined);
    const before = batch.filter((event) => comparePositions(event.position, failed!.position) < 0);
    let checkpoint: Position | undefined;
    if (before.length > 0) {
      checkpoint = before[before.length - 1].position;
      const good = events.filter((event) => comparePositions(event.position, failed!.position) < 0);
      await db
        .transaction()
        .execute(async (trx) => {
          await this.fence?.(trx);
          for (const event of good) await projection.apply(trx, event);
          await saveCheckpoint(trx, projection.name, checkpoint!, this.clock());
        })
        .catch(() => (checkpoint = undefined)); // the checkpoint stays where it was: those events are simply applied again
    }
    const event = { position: positionToString(failed.position), stream: failed.streamName, type: failed.type, id: failed.id };
    return new ProjectionFailure(projection.name, event, cause, checkpoint);
  }

  /** The projections that react to an event of this type. */
  handling(type: string): Projection[] {
    return this.projections.filter((p) => p.handles.includes(EVERY_EVENT) || p.handles.includes(type));
  }

  eventsFor(projection: Projection, batch: readonly RecordedEvent[]): readonly RecordedEvent[] {
    const handled = new Set(projection.handles);
    return handled.has(EVERY_EVENT) ? batch : batch.filter((event) => handled.has(event.type));
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

async function reachable(db: Kysely<ReadModelSchema>): Promise<boolean> {
  return sql`SELECT 1`.execute(db).then(
    () => true,
    () => false,
  );
}

async function applyEvents(trx: ReadModelTransaction, projection: Projection, events: readonly RecordedEvent[]): Promise<void> {
  if (events.length === 0) return;
  if (projection.applyBatch) await projection.applyBatch(trx, events);
  else for (const event of events) await projection.apply(trx, event);
}
