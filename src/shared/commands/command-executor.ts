import { AppendResult, EventStore, EventToAppend, JsonObject, Position } from '../../event-store/event-store.port';
import { CommandIdReusedError, WrongExpectedRevisionError } from '../../event-store/event-store.errors';
import { resolveBusinessTime } from '../domain/business-time';
import { Decider, DomainEvent } from '../domain/decider';
import { AggregateLoader, AppliedCommand } from './aggregate-loader';
import { commandDigest } from './command-digest';
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
  /** Types of the events it appended (undefined when not known, e.g. a retry): which read models it waits for. */
  eventTypes?: readonly string[];
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
type Decided = { outcome: CommandOutcome } | { append: Promise<AppendResult>; eventTypes: string[] } | { sameCommandPending: Promise<Position> };

/**
 * The write path: fold the stream, decide, append with the expected revision.
 *
 * Commands on one stream are decided one at a time (a queue per stream), but
 * the queue moves on as soon as the append is handed to the store: the next
 * command is decided on top of the events still in flight, and both commit in
 * the same group. Each such append names the one it was decided on top of
 * (`after`), and the store makes it only if that one succeeded: the expected
 * revision alone is not enough, because when the earlier append loses a race
 * with another instance, that instance's event fills the very revision the
 * later append expects. Every append decided on top of a failed one fails too
 * and is decided again. A conflict with another process is retried a bounded
 * number of times, then surfaces as ConcurrencyConflictError.
 *
 * A command id is applied at most once, on any instance: an id already in the
 * stream answers as it was answered (or, for another command, is refused with
 * CommandIdReusedError), and every append records its command id and digest
 * with the store, which refuses an id recorded for another stream or command.
 * Two instances applying the same retry at once both decide on the stream as
 * read and append at an exact revision with the same event ids: one lands,
 * the other conflicts (or is de-duplicated) and then finds it.
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
        return { streamName, position: result.position, alreadyApplied: false, eventTypes: decided.eventTypes };
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
    const digest = commandDigest(command, context);
    const applied = loaded.appliedCommands.get(context.commandId);
    if (applied && !isSameCommand(applied, command.type, digest)) throw new CommandIdReusedError(context.commandId);
    if (applied?.position instanceof Promise) return { sameCommandPending: applied.position };
    if (applied) return { outcome: { streamName, position: applied.position, alreadyApplied: true } };

    const events = decider.decide(command, loaded.state);
    if (events.length === 0) return { outcome: { streamName, position: undefined, alreadyApplied: false } };
    const occurredAt = resolveBusinessTime(decider.businessTime?.(command, loaded.state) ?? {}, {
      requested: context.requestedOccurredAt ?? null,
      now: context.receivedAt,
    });
    const append = this.store.append(streamName, toStored(events, command.type, digest, streamName, context, occurredAt), {
      expectedRevision: loaded.revision ?? 'no_stream',
      after: loaded.pending,
      command: { id: context.commandId, digest },
    });
    // Awaited by execute() (or by the next append on the stream); until then, no unhandled rejection.
    append.catch(() => undefined);
    this.loader.advance(streamName, loaded, decider, events, { id: context.commandId, type: command.type, digest }, append);
    return { append, eventTypes: events.map((event) => event.type) };
  }
}

/** Events recorded before digests carry only the command type: that much can still be compared. */
function isSameCommand(applied: AppliedCommand, commandType: string, digest: string): boolean {
  if (applied.digest !== undefined) return applied.digest === digest;
  return applied.commandType === undefined || applied.commandType === commandType;
}

function toStored(
  events: DomainEvent[], commandType: string, commandDigest: string, streamName: string, context: CommandContext, occurredAt: Date,
): EventToAppend[] {
  return events.map((event, index) => ({
    id: deterministicUuid('event', context.commandId, streamName, String(index)),
    type: event.type,
    data: event.data as JsonObject,
    metadata: {
      commandId: context.commandId,
      commandType,
      commandDigest,
      correlationId: context.correlationId,
      causationId: context.causationId,
      actor: { ...context.actor },
      // Business time; recorded time is the store's own (RecordedEvent.recordedAt).
      occurredAt: occurredAt.toISOString(),
      schemaVersion: EVENT_SCHEMA_VERSION,
    },
  }));
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.random() * 5 * 2 ** attempt; // jitter, so racing processes spread out
  return new Promise((resolve) => setTimeout(resolve, ms));
}
