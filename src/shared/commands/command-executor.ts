import { AppendResult, EventStore, EventToAppend, JsonObject, Position } from '../../event-store/event-store.port';
import { WrongExpectedRevisionError } from '../../event-store/event-store.errors';
import { Decider, DomainEvent } from '../domain/decider';
import { AggregateLoader } from './aggregate-loader';
import { CommandContext, EVENT_SCHEMA_VERSION } from './command-context';
import { deterministicUuid } from './deterministic-id';
import { KeyedMutex } from './keyed-mutex';
import { ConcurrencyConflictError } from './concurrency-conflict.error';

const MAX_ATTEMPTS = 5;

export interface CommandOutcome {
  streamName: string;
  /** Position of the command's last event; undefined when it caused no event. */
  position: Position | undefined;
  /** True when this command id had already been applied: nothing new was written. */
  alreadyApplied: boolean;
}

export interface ExecuteRequest<C, E extends DomainEvent, S> {
  streamName: string;
  decider: Decider<C, E, S>;
  command: C & { type: string };
  context: CommandContext;
  /** Throws to refuse the command, given the state folded from the stream (see CommandAuthorizer). */
  authorize: (state: S) => void;
}

/** What deciding produced: an answer, an append on its way to disk, or an earlier run of this same command still on its way. */
type Decided = { outcome: CommandOutcome } | { append: Promise<AppendResult> } | { sameCommandPending: Promise<Position> };

/**
 * The write path: fold the stream, decide, append with the expected revision.
 *
 * Commands on one stream are decided one at a time (a queue per stream), but
 * the queue moves on as soon as the append is handed to the store: the next
 * command is decided on top of the events still in flight, and both commit in
 * the same group. The expected revision keeps this safe: if an earlier append
 * fails, every append decided on top of it fails too and is decided again.
 * A conflict with another process is retried a bounded number of times, then
 * surfaces as ConcurrencyConflictError.
 */
export class CommandExecutor {
  private readonly loader: AggregateLoader;
  private readonly queues = new KeyedMutex();

  constructor(private readonly store: EventStore) {
    this.loader = new AggregateLoader(store);
  }

  load<C, E extends DomainEvent, S>(streamName: string, decider: Decider<C, E, S>) {
    return this.loader.load(streamName, decider);
  }

  async execute<C, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<CommandOutcome> {
    const { streamName } = request;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const decided = await this.queues.run(streamName, () => this.decide(request));
      if ('outcome' in decided) return decided.outcome;
      if ('sameCommandPending' in decided) {
        // Answer as the first run of this command id does; if it failed, decide afresh.
        const position = await decided.sameCommandPending.catch(() => undefined);
        if (position) return { streamName, position, alreadyApplied: true };
        continue;
      }
      try {
        const result = await decided.append;
        return { streamName, position: result.position, alreadyApplied: false };
      } catch (error) {
        this.loader.forget(streamName);
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        await backoff(attempt);
      }
    }
    throw new ConcurrencyConflictError(streamName, MAX_ATTEMPTS);
  }

  private async decide<C, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<Decided> {
    const { streamName, decider, command, context } = request;
    const loaded = await this.loader.load(streamName, decider);
    request.authorize(loaded.state);
    const applied = loaded.appliedCommands.get(context.commandId);
    if (applied?.position instanceof Promise) return { sameCommandPending: applied.position };
    if (applied) return { outcome: { streamName, position: applied.position, alreadyApplied: true } };

    const events = decider.decide(command, loaded.state);
    if (events.length === 0) return { outcome: { streamName, position: undefined, alreadyApplied: false } };
    const append = this.store.append(streamName, toStored(events, command.type, streamName, context), {
      expectedRevision: loaded.revision ?? 'no_stream',
    });
    const position = append.then((result) => result.position);
    // Both are awaited by execute() (or by a duplicate of this command); until then, no unhandled rejection.
    append.catch(() => undefined);
    position.catch(() => undefined);
    this.loader.advance(streamName, loaded, decider, events, context.commandId, position);
    return { append };
  }
}

function toStored(events: DomainEvent[], commandType: string, streamName: string, context: CommandContext): EventToAppend[] {
  return events.map((event, index) => ({
    id: deterministicUuid('event', context.commandId, streamName, String(index)),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      commandId: context.commandId,
      commandType,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: { ...context.actor },
      occurredAt: context.occurredAt.toISOString(),
      schemaVersion: EVENT_SCHEMA_VERSION,
    },
  }));
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * 5 * 2 ** attempt; // jitter, so racing processes spread out
  return new Promise((resolve) => setTimeout(resolve, ms));
}
