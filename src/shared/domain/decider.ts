import type { BusinessTimeClaim } from './business-time';

/**
 * An aggregate as a pure decider (no I/O, no clock, no random ids: time and ids
 * arrive inside the command).
 */
export interface Decider<Command, Event, State> {
  /** Throws DomainError when the command breaks a rule; otherwise the events it causes (maybe none). */
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
  /**
   * What the command says about its own business time (its date, or the entry
   * it corrects); without it a command happens when the client says or now.
   * See business-time.ts.
   */
  businessTime?(command: Command, state: State): BusinessTimeClaim;
  /**
   * The domain event a stored one stands for, when older events kept part of
   * it only in their metadata (e.g. who caused it); without it, an event's
   * type and data are the domain event.
   */
  fromRecorded?(recorded: RecordedDomainEvent): Event;
}

/** An event as stored, as far as a domain reads it: its payload and its metadata (who caused it, and when). */
export interface RecordedDomainEvent {
  readonly type: string;
  readonly data: object;
  readonly metadata: Readonly<Record<string, unknown>>;
}

/** Domain events are plain data: a stable past-tense type and a JSON payload. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  readonly type: Type;
  readonly data: Data;
}

/** Compile-time proof that a switch handled every case of a union. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
