import { EventStore, EventToAppend, JsonObject, Position } from '../../event-store/event-store.port';
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
}

/**
 * The write path: fold the stream, decide, append with the expected revision.
 * A conflict (another process wrote first) is retried on fresh state a bounded
 * number of times, then surfaces as ConcurrencyConflictError.
 */
export class CommandExecutor {
  private readonly loader: AggregateLoader;
  private readonly mutex = new KeyedMutex();

  constructor(private readonly store: EventStore) {
    this.loader = new AggregateLoader(store);
  }

  load<C, E extends DomainEvent, S>(streamName: string, decider: Decider<C, E, S>) {
    return this.loader.load(streamName, decider);
  }

  execute<C, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<CommandOutcome> {
    return this.mutex.run(request.streamName, () => this.executeWithRetries(request));
  }

  private async executeWithRetries<C, E extends DomainEvent, S>(request: ExecuteRequest<C, E, S>): Promise<CommandOutcome> {
    const { streamName, decider, command, context } = request;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const { state, revision, appliedCommands } = await this.loader.load(streamName, decider);
      const applied = appliedCommands.get(context.commandId);
      if (applied) return { streamName, position: applied.position, alreadyApplied: true };

      const events = decider.decide(command, state);
      if (events.length === 0) return { streamName, position: undefined, alreadyApplied: false };
      try {
        const result = await this.store.append(streamName, toStored(events, command.type, streamName, context), {
          expectedRevision: revision ?? 'no_stream',
        });
        return { streamName, position: result.position, alreadyApplied: false };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        await backoff(attempt);
      }
    }
    throw new ConcurrencyConflictError(streamName, MAX_ATTEMPTS);
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
