import { Kysely } from 'kysely';
import { Position } from '../event-store/event-store.port';
import { comparePositions, positionToString } from '../event-store/position';
import { loadCheckpoint } from './checkpoint';
import { ProjectionLeadership, SingleProcessLeadership } from './leadership/projection-leadership';
import { ProjectionRunner, ProjectionStatus } from './projection-runner';
import { ReadModelSchema } from './read-model-schema';
import { isReadModelUnavailable, ReadModelUnavailableError } from './read-model-unavailable';

const FOLLOWER_POLL_MS = 20;
const RUNNER_START_RETRY_MS = 500;

export interface ProjectionServiceStatus extends ProjectionStatus {
  role: 'leader' | 'follower';
}

/**
 * Runs the projection runner while this process leads, and otherwise answers
 * "are the read models at position P yet?" from the shared checkpoint, so a
 * mutation served by a follower still lets its client read its own write.
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

  /**
   * True once the read models include `position`, false after `timeoutMs`;
   * throws ReadModelUnavailableError when, at the deadline, the read-model
   * database could not even be asked (the write is stored all the same).
   */
  async waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.leadership.isLeader) {
        // Losing leadership mid-wait rejects the runner's waiters: then fall back to the shared checkpoint.
        const reached = await this.runner.waitFor(position, Math.max(0, deadline - Date.now())).catch(() => undefined);
        if (reached) return true;
      }
      let unreachable: unknown;
      const checkpoint = await loadCheckpoint(this.db).catch((error: unknown) => {
        if (!isReadModelUnavailable(error)) throw error;
        unreachable = error;
        return undefined;
      });
      if (checkpoint && comparePositions(checkpoint, position) >= 0) return true;
      if (Date.now() >= deadline) {
        if (unreachable !== undefined) throw new ReadModelUnavailableError(unreachable);
        return false;
      }
      await new Promise((resolve) => setTimeout(resolve, FOLLOWER_POLL_MS));
    }
  }

  async status(): Promise<ProjectionServiceStatus> {
    if (this.leadership.isLeader) return { ...this.runner.status(), role: 'leader' };
    const follower = { running: false, eventsApplied: 0, role: 'follower' as const };
    try {
      const checkpoint = await loadCheckpoint(this.db);
      return { ...follower, checkpoint: checkpoint ? positionToString(checkpoint) : null, lastError: null };
    } catch (error) {
      // /health still answers, and says why: the shared checkpoint cannot be read.
      return { ...follower, checkpoint: null, lastError: error instanceof Error ? error.message : String(error) };
    }
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
