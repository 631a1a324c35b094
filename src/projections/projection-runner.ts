import { Kysely } from 'kysely';
import { AllSubscription, EventStore, Position, RecordedEvent } from '../event-store/event-store.port';
import { comparePositions, positionToString } from '../event-store/position';
import { loadCheckpoint } from './checkpoint';
import { ProjectionApplier } from './projection-applier';
import { ReadModelSchema } from './read-model-schema';
import { PositionWaiters } from './position-waiters';

/** Events applied per transaction: big enough to make a rebuild fast, small enough to keep latency low. */
const MAX_BATCH = 1000;
const RETRY_AFTER_FAILURE_MS = 1000;

export interface ProjectionStatus {
  running: boolean;
  checkpoint: string | null;
  eventsApplied: number;
  lastError: string | null;
}

/**
 * Feeds `$all`, from the stored checkpoint on, to every projection. Events that
 * arrive together are applied in one transaction that also moves the checkpoint.
 * Starting never replays history: it resumes after the checkpoint.
 */
export class ProjectionRunner {
  private subscription?: AllSubscription;
  private loop?: Promise<void>;
  private checkpoint?: Position;
  private batch: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  /** Set when a batch failed: later batches must not be applied past the gap it left. */
  private failure?: unknown;
  private stopped = true;
  private eventsApplied = 0;
  private lastError: string | null = null;
  private readonly waiters = new PositionWaiters();
  private readonly committedListeners = new Set<(batch: readonly RecordedEvent[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly db: Kysely<ReadModelSchema>,
    private readonly applier: ProjectionApplier,
  ) {}

  async start(): Promise<void> {
    this.stopped = false;
    this.checkpoint = await loadCheckpoint(this.db);
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.subscription?.stop();
    await this.loop;
    await this.flushing;
    this.waiters.rejectAll(new Error('Projection runner stopped'));
  }

  /**
   * Calls `listener` with each batch once its transaction has committed, so
   * whatever it reads from the read models already includes the batch (live
   * updates publish from here). Returns the unsubscribe function. A listener's
   * error is its own: it never stops projection.
   */
  onCommitted(listener: (batch: readonly RecordedEvent[]) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Resolves true once the read models include `position`, false after `timeoutMs`. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.checkpoint && comparePositions(this.checkpoint, position) >= 0) return Promise.resolve(true);
    return this.waiters.add(position, timeoutMs);
  }

  status(): ProjectionStatus {
    return {
      running: !this.stopped,
      checkpoint: this.checkpoint ? positionToString(this.checkpoint) : null,
      eventsApplied: this.eventsApplied,
      lastError: this.lastError,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.failure = undefined;
        this.subscription = this.store.subscribeToAll({ after: this.checkpoint });
        for await (const event of this.subscription) {
          this.batch.push(event);
          if (this.batch.length >= MAX_BATCH) await this.flush();
          else this.scheduleFlush();
        }
        await this.flush();
        if (this.failure !== undefined) throw this.failure;
      } catch (error) {
        // The failed batch rolled back with its checkpoint: resubscribe after the checkpoint and try again.
        this.lastError = error instanceof Error ? error.message : String(error);
        this.batch = [];
        await this.subscription?.stop().catch(() => undefined);
        if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_FAILURE_MS));
        if (!this.stopped) await this.reloadCheckpoint();
      }
    }
  }

  /**
   * A connection lost during COMMIT leaves it unknown whether the batch
   * committed: resume after the stored checkpoint, not the one in memory, so
   * a committed batch is not applied twice. (Unreachable: keep the one in memory.)
   */
  private async reloadCheckpoint(): Promise<void> {
    const stored = await loadCheckpoint(this.db).catch(() => undefined);
    if (!stored || (this.checkpoint && comparePositions(stored, this.checkpoint) <= 0)) return;
    this.checkpoint = stored;
    this.waiters.resolveUpTo(stored);
  }

  /** Flush once the subscription has handed over everything it has ready (a burst becomes one transaction). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush(); // never rejects: a failure is recorded and handled by the run loop
    });
  }

  private flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.applyBatch());
    return this.flushing;
  }

  private async applyBatch(): Promise<void> {
    if (this.failure !== undefined) return;
    try {
      await this.applyPendingEvents();
    } catch (error) {
      this.failure = error;
      this.batch = [];
      await this.subscription?.stop();
    }
  }

  private async applyPendingEvents(): Promise<void> {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    const last = (await this.applier.apply(this.db, batch))!;
    this.checkpoint = last;
    this.eventsApplied += batch.length;
    this.lastError = null;
    this.waiters.resolveUpTo(last);
    for (const listener of this.committedListeners) {
      try {
        listener(batch);
      } catch {
        // see onCommitted
      }
    }
  }
}
