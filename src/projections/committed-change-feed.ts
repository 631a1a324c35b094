import { AllSubscription, EventStore, RecordedEvent } from '../event-store/event-store.port';
import { ProjectionRunner } from './projection-runner';
import { ProjectionService } from './projection-service';

type Listener = (batch: readonly RecordedEvent[]) => void;

/** How long a follower waits for the leader to project what it saw before giving up on announcing it. */
const FOLLOWER_WAIT_MS = 60_000;

/**
 * Events as they become visible in the read models, on every instance, for
 * live updates. The projection leader hears it from its own runner; a
 * follower follows `$all` itself and announces a batch once the shared
 * checkpoint covers it. Around a change of leader a batch may be announced
 * twice: listeners send current read-model state, so a repeat is harmless.
 */
export class CommittedChangeFeed {
  private readonly listeners = new Set<Listener>();
  private subscription?: AllSubscription;
  private following?: Promise<void>;
  private unhook?: () => void;

  constructor(
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly projections: ProjectionService,
  ) {}

  onCommitted(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(): Promise<void> {
    this.unhook = this.runner.onCommitted((batch) => this.emit(batch));
    if (this.projections.alwaysLeads) return; // no follower side to cover: spare the second $all reader
    this.subscription = this.store.subscribeToAll({ after: await this.store.headPosition() });
    this.following = this.follow(this.subscription).catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.unhook?.();
    await this.subscription?.stop();
    await this.following;
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    let pending: RecordedEvent[] = [];
    let scheduled = false;
    let announcing = Promise.resolve();
    for await (const event of subscription) {
      if (this.projections.isLeader) continue; // the runner announces what it applies
      pending.push(event);
      if (scheduled) continue;
      scheduled = true;
      // Whatever has arrived by the time this runs goes out together, once the leader has projected it.
      announcing = announcing.then(async () => {
        scheduled = false;
        const ready = pending;
        pending = [];
        // Unreachable read models: these are not announced, and the chain goes on with the next batch.
        const visible = await this.projections.waitFor(ready[ready.length - 1].position, FOLLOWER_WAIT_MS).catch(() => false);
        if (visible) this.emit(ready);
      });
    }
    await announcing;
  }

  private emit(batch: readonly RecordedEvent[]): void {
    for (const listener of this.listeners) {
      try {
        listener(batch);
      } catch {
        // a listener's failure is its own
      }
    }
  }
}
