import { Kysely } from 'kysely';
import { Position } from '../event-store/event-store.port';
import { comparePositions, positionFromString, positionToString } from '../event-store/position';
import { loadCheckpoints } from './checkpoint';
import { ProjectionLeadership, SingleProcessLeadership } from './leadership/projection-leadership';
import { ProjectionRunner, ProjectionState } from './projection-runner';
import { WaitOutcome } from './projection-waiters';
import { ReadModelSchema } from './read-model-schema';
import { isReadModelUnavailable, ReadModelUnavailableError } from './read-model-unavailable';

const FOLLOWER_POLL_MS = 20;
/** Lag is counted up to here: past it the figure means "at least this far behind". */
const LAG_COUNT_CAP = 10_000;
const RUNNER_START_RETRY_MS = 500;

export interface ProjectionReport extends ProjectionState {
  upToDate: boolean;
  /** Events in the store it has not applied yet (capped at LAG_COUNT_CAP). */
  lagEvents: number;
}

export interface ProjectionServiceStatus {
  role: 'leader' | 'follower';
  /** The leader runs the projections; a follower reads their checkpoints from the database. */
  running: boolean;
  eventsApplied: number;
  headPosition: string | null;
  projections: ProjectionReport[];
}

/**
 * Runs the projection runner while this process leads, and otherwise answers
 * "are the read models at position P yet?" from the checkpoints in the
 * database, so a mutation served by a follower still lets its client read its
 * own write.
 */
export class ProjectionService {
  private supervising?: Promise<void>;
  private stopping = false;
  private endLeadership: () => void = () => undefined;

  constructor(
    private readonly runner: ProjectionRunner,
    private readonly leadership: ProjectionLeadership,
    private readonly db: Kysely<ReadModelSchema>,
  ) {}

  /** Returns at once; leadership is awaited in the background. */
  start(): void {
    this.stopping = false;
    this.supervising = this.lead();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.endLeadership();
    await this.leadership.release();
    await this.runner.stop();
    await this.supervising;
  }

  get isLeader(): boolean {
    return this.leadership.isLeader;
  }

  /** A single process (embedded read models) is never a follower. */
  get alwaysLeads(): boolean {
    return this.leadership instanceof SingleProcessLeadership;
  }

  /** The projections that react to events of these types (every one of them when `types` is undefined). */
  projectionsHandling(types: readonly string[] | undefined): string[] {
    const all = this.runner.projections;
    if (!types) return all.map((p) => p.name);
    return all.filter((p) => p.handles.includes('*') || p.handles.some((t) => types.includes(t))).map((p) => p.name);
  }

  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    return (await this.waitForProjections(position, timeoutMs)).reached;
  }

  /** Until the named projections (all when omitted) include `position`, or one of them is stopped short of it. */
  async waitForProjections(position: Position, timeoutMs: number, names?: readonly string[]): Promise<WaitOutcome> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.leadership.isLeader) {
        // Losing leadership mid-wait rejects the runner's waiters: then fall back to the stored checkpoints.
        const outcome = await this.runner.waitForProjections(position, Math.max(0, deadline - Date.now()), names).catch(() => undefined);
        // Timed out: the stored checkpoints below tell lag from a read-model database that cannot be reached.
        if (outcome !== undefined && (outcome.reached || outcome.failing)) return outcome;
      }
      let unreachable: unknown;
      const stored = await loadCheckpoints(this.db).catch((error: unknown) => {
        if (!isReadModelUnavailable(error)) throw error;
        unreachable = error;
        return new Map() as Awaited<ReturnType<typeof loadCheckpoints>>;
      });
      let reached = true;
      for (const name of names ?? this.runner.projections.map((p) => p.name)) {
        const checkpoint = stored.get(name);
        if (checkpoint?.position && comparePositions(checkpoint.position, position) >= 0) continue;
        if (checkpoint?.failure?.event) return { reached: false, failing: name };
        reached = false;
      }
      if (reached && unreachable === undefined) return { reached: true };
      if (Date.now() >= deadline) {
        // The write is stored all the same; the client is told the read side could not even be asked.
        if (unreachable !== undefined) throw new ReadModelUnavailableError(unreachable);
        return { reached: false };
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOWER_POLL_MS));
    }
  }

  /** Each projection's own checkpoint (the lag metrics), without counting the lag. */
  async checkpoints(): Promise<{ name: string; position: Position | undefined }[]> {
    const { projections } = this.leadership.isLeader ? this.runner.status() : await this.storedStatus();
    return projections.map(({ name, checkpoint }) => ({ name, position: checkpoint ? positionFromString(checkpoint) : undefined }));
  }

  async status(): Promise<ProjectionServiceStatus> {
    const head = await this.runner.store.headPosition();
    const headPosition = head ? positionToString(head) : null;
    const { running, eventsApplied, projections } = this.leadership.isLeader ? this.runner.status() : await this.storedStatus();
    const lags = new Map<string | null, Promise<number>>();
    const lagOf = (checkpoint: string | null) => {
      if (!lags.has(checkpoint)) lags.set(checkpoint, this.countAfter(checkpoint));
      return lags.get(checkpoint)!;
    };
    const reports = await Promise.all(
      projections.map(async (p) => ({ ...p, upToDate: p.checkpoint === headPosition, lagEvents: p.checkpoint === headPosition ? 0 : await lagOf(p.checkpoint) })),
    );
    return { role: this.leadership.isLeader ? 'leader' : 'follower', running, eventsApplied, headPosition, projections: reports };
  }

  private async countAfter(checkpoint: string | null): Promise<number> {
    const after = checkpoint ? positionFromString(checkpoint) : undefined;
    return (await this.runner.store.readAll({ after, maxCount: LAG_COUNT_CAP })).length;
  }

  /** A follower's view: what the leader last committed, and where it is stopped. */
  private async storedStatus(): Promise<{ running: boolean; eventsApplied: number; projections: ProjectionState[] }> {
    const stored = await loadCheckpoints(this.db);
    const projections = this.runner.projections.map(({ name }): ProjectionState => {
      const row = stored.get(name);
      return {
        name,
        checkpoint: row?.position ? positionToString(row.position) : null,
        state: row?.failure ? 'failing' : 'running',
        failure: row?.failure ?? null,
      };
    });
    return { running: false, eventsApplied: 0, projections };
  }

  private async lead(): Promise<void> {
    while (!this.stopping) {
      const leadershipLost = new Promise<void>((resolve) => (this.endLeadership = resolve));
      await this.leadership.acquire(this.endLeadership);
      if (this.stopping) return;
      await this.startRunner(leadershipLost);
      await leadershipLost;
      await this.runner.stop().catch(() => undefined);
    }
  }

  /** The runner starts by reading the checkpoint: while the read models are unreachable, try again until leadership ends. */
  private async startRunner(leadershipLost: Promise<void>): Promise<void> {
    let lost = false;
    void leadershipLost.then(() => (lost = true));
    while (!lost && !this.stopping) {
      try {
        return await this.runner.start();
      } catch {
        await Promise.race([leadershipLost, new Promise((resolve) => setTimeout(resolve, RUNNER_START_RETRY_MS))]);
      }
    }
  }
}
