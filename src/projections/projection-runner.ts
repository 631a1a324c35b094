import { Kysely } from 'kysely';
import { AllSubscription, EventStore, Position, RecordedEvent } from '../event-store/event-store.port';
import { comparePositions, positionToString } from '../event-store/position';
import { clearFailure, loadCheckpoints, saveFailure } from './checkpoint';
import { FailedEvent, ProjectionApplier, ProjectionFailure } from './projection-applier';
import { Projection } from './projection';
import { ReadModelSchema } from './read-model-schema';
import { ProjectionWaiters, WaitOutcome } from './projection-waiters';
import { LeadershipLostError } from './leadership/projection-leadership';

/** Events applied per transaction: big enough to make a rebuild fast, small enough to keep latency low. */
const MAX_BATCH = 1000;
const RETRY_AFTER_SUBSCRIPTION_FAILURE_MS = 1000;
/** A stopped projection tries again after 1 s, 2 s, 4 s … at most this long apart. */
const FIRST_RETRY_MS = 1000;
const MAX_RETRY_MS = 30_000;

export interface ProjectionFailureStatus {
  event: FailedEvent | null;
  error: string;
  retries: number;
  nextRetryAt: string | null;
}

/** One projection, as the runner sees it. */
export interface ProjectionState {
  name: string;
  checkpoint: string | null;
  state: 'running' | 'failing' | 'stopped';
  /** Set while it is stopped at an event. */
  failure: ProjectionFailureStatus | null;
}

export interface ProjectionStatus {
  running: boolean;
  eventsApplied: number;
  projections: ProjectionState[];
}

interface Lane {
  projection: Projection;
  checkpoint?: Position;
  failure?: ProjectionFailureStatus;
  retryTimer?: NodeJS.Timeout;
}

/**
 * Feeds `$all` to every projection. Each projection has its own checkpoint and
 * applies its share of a batch in a transaction of its own, so one that throws
 * stops only itself, at that event: it tries again later (backing off) and,
 * once the cause is fixed, catches up from its checkpoint by itself while the
 * others never stopped. Starting never replays history: each resumes after
 * its own checkpoint.
 */
export class ProjectionRunner {
  private subscription?: AllSubscription;
  private loop?: Promise<void>;
  private batch: RecordedEvent[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private flushScheduled = false;
  private stopped = true;
  private eventsApplied = 0;
  private lanes: Lane[] = [];
  private readonly waiters = new ProjectionWaiters();
  private readonly committedListeners = new Set<(batch: readonly RecordedEvent[]) => void>();

  constructor(
    readonly store: EventStore,
    private readonly db: Kysely<ReadModelSchema>,
    private readonly applier: ProjectionApplier,
  ) {
    this.lanes = applier.projections.map((projection) => ({ projection }));
  }

  get projections(): readonly Projection[] {
    return this.applier.projections;
  }

  async start(): Promise<void> {
    this.stopped = false;
    const stored = await loadCheckpoints(this.db);
    // A projection that was failing is simply tried again: the first batch tells whether it still fails.
    this.lanes = this.applier.projections.map((projection) => ({ projection, checkpoint: stored.get(projection.name)?.position }));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const lane of this.lanes) clearTimeout(lane.retryTimer);
    await this.subscription?.stop();
    await this.loop;
    await this.flushing;
    this.waiters.rejectAll(new Error('Projection runner stopped'));
  }

  /**
   * Calls `listener` with each batch once its transactions have committed, so
   * whatever it reads from the read models already includes the batch (live
   * updates publish from here). Returns the unsubscribe function. A listener's
   * error is its own: it never stops projection.
   */
  onCommitted(listener: (batch: readonly RecordedEvent[]) => void): () => void {
    this.committedListeners.add(listener);
    return () => this.committedListeners.delete(listener);
  }

  /** Resolves true once every read model includes `position`, false after `timeoutMs`. */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return (await this.waitForProjections(position, timeoutMs)).reached;
  }

  /**
   * Once the named projections (all when omitted) include `position`; at once
   * with `failing` when one of them is stopped short of it.
   */
  waitForProjections(position: Position, timeoutMs: number, names?: readonly string[]): Promise<WaitOutcome> {
    return this.waiters.add(() => {
      let all = true;
      // Looked up each time: start() sets the lanes afresh.
      for (const lane of names ? this.lanes.filter((l) => names.includes(l.projection.name)) : this.lanes) {
        if (lane.checkpoint && comparePositions(lane.checkpoint, position) >= 0) continue;
        // Stopped at an event: answer now. A database that went away is waited out like any lag.
        if (lane.failure?.event) return { reached: false, failing: lane.projection.name };
        all = false;
      }
      return all ? { reached: true } : undefined;
    }, timeoutMs);
  }

  status(): ProjectionStatus {
    return {
      running: !this.stopped,
      eventsApplied: this.eventsApplied,
      projections: this.lanes.map((lane) => ({
        name: lane.projection.name,
        checkpoint: lane.checkpoint ? positionToString(lane.checkpoint) : null,
        state: this.stopped ? 'stopped' : lane.failure ? 'failing' : 'running',
        failure: lane.failure ? { ...lane.failure } : null,
      })),
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      try {
        this.subscription = this.store.subscribeToAll({ after: this.resumeAfter() });
        for await (const event of this.subscription) {
          this.batch.push(event);
          if (this.batch.length >= MAX_BATCH) await this.flush();
          else this.scheduleFlush();
        }
        await this.flush();
      } catch {
        // The subscription broke (the store went away): what was applied is checkpointed; resubscribe after it.
        await this.flush().catch(() => undefined);
        await this.subscription?.stop().catch(() => undefined);
        if (!this.stopped) await new Promise((resolve) => setTimeout(resolve, RETRY_AFTER_SUBSCRIPTION_FAILURE_MS));
      }
    }
  }

  /** The live feed starts after the earliest checkpoint of the projections that follow it. */
  private resumeAfter(): Position | undefined {
    const live = this.lanes.filter((lane) => !lane.failure);
    let earliest: Position | undefined;
    for (const lane of live.length > 0 ? live : this.lanes) {
      if (!lane.checkpoint) return undefined;
      if (!earliest || comparePositions(lane.checkpoint, earliest) < 0) earliest = lane.checkpoint;
    }
    return earliest;
  }

  /** Flush once the subscription has handed over everything it has ready (a burst becomes one batch). */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush(); // never rejects: each projection's failure is its own
    });
  }

  /** Batches and catch-up pages run one at a time, so a projection rejoining the live feed never skips or repeats. */
  private flush(): Promise<void> {
    return this.serially(() => this.applyPendingEvents());
  }

  private serially(work: () => Promise<void>): Promise<void> {
    this.flushing = this.flushing.then(work).catch(() => undefined);
    return this.flushing;
  }

  private async applyPendingEvents(): Promise<void> {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    for (const lane of this.lanes) {
      if (lane.failure) continue; // it catches up by itself once it works again
      const due = lane.checkpoint ? batch.filter((event) => comparePositions(event.position, lane.checkpoint!) > 0) : batch;
      if (due.length > 0) await this.applyToLane(lane, due);
    }
    this.eventsApplied += batch.length;
    this.waiters.recheck();
    for (const listener of this.committedListeners) {
      try {
        listener(batch);
      } catch {
        // see onCommitted
      }
    }
  }

  /** True when the events were applied; on failure the lane is marked stopped and a retry scheduled. */
  private async applyToLane(lane: Lane, events: readonly RecordedEvent[]): Promise<boolean> {
    try {
      lane.checkpoint = await this.applier.applyTo(this.db, lane.projection, events);
      return true;
    } catch (error) {
      // Another instance leads now: ProjectionService stops this runner; nothing here failed.
      if (error instanceof LeadershipLostError) return false;
      const failure = error instanceof ProjectionFailure ? error : new ProjectionFailure(lane.projection.name, null, error, undefined);
      if (failure.checkpoint) lane.checkpoint = failure.checkpoint;
      this.markFailing(lane, failure);
      return false;
    }
  }

  private markFailing(lane: Lane, failure: ProjectionFailure): void {
    const retries = lane.failure ? lane.failure.retries + 1 : 0;
    const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** retries);
    const cause = failure.cause instanceof Error ? failure.cause.message : String(failure.cause);
    lane.failure = { event: failure.event, error: cause, retries, nextRetryAt: new Date(Date.now() + delay).toISOString() };
    clearTimeout(lane.retryTimer);
    if (!this.stopped) lane.retryTimer = setTimeout(() => void this.serially(() => this.catchUp(lane)), delay);
    // Followers and operators read it from the database; if that is what failed, the next attempt records it.
    void saveFailure(this.db, lane.projection.name, lane.checkpoint, lane.failure, new Date()).catch(() => undefined);
    this.waiters.recheck();
  }

  /**
   * A stopped projection's retry: one page of events after its checkpoint.
   * Either it fails again (and backs off further), or it keeps going page by
   * page until it has reached the head, and from there follows the live feed.
   */
  private async catchUp(lane: Lane): Promise<void> {
    if (this.stopped) return;
    let page: RecordedEvent[];
    try {
      // A connection lost during COMMIT leaves it unknown whether the batch committed: go on from the stored
      // checkpoint, not the one in memory, so a committed batch is not applied twice.
      const stored = (await loadCheckpoints(this.db)).get(lane.projection.name)?.position;
      if (stored && (!lane.checkpoint || comparePositions(stored, lane.checkpoint) > 0)) lane.checkpoint = stored;
      page = await this.store.readAll({ after: lane.checkpoint, maxCount: MAX_BATCH });
    } catch (error) {
      this.markFailing(lane, new ProjectionFailure(lane.projection.name, lane.failure?.event ?? null, error, undefined));
      return;
    }
    if (page.length > 0 && !(await this.applyToLane(lane, page))) return;
    if (page.length === MAX_BATCH) {
      setImmediate(() => void this.serially(() => this.catchUp(lane)));
      return;
    }
    // At the head: whatever the live feed hands over from now on is after this checkpoint.
    if (page.length === 0) await clearFailure(this.db, lane.projection.name).catch(() => undefined);
    lane.failure = undefined;
    this.waiters.recheck();
  }
}
