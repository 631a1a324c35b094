/** Who runs a command: always from the verified token, never from the command's input. */
export interface Actor {
  userId: string;
  displayName: string;
  organisationId: string | null;
  /** The first of `roles` (kept for readers of older metadata that name one role). */
  role: string;
  roles: string[];
}

/** Everything a command carries besides its own data: ids, time and the actor, recorded in each event's metadata. */
export interface CommandContext {
  /** Client-supplied for safe retries, otherwise generated. The same id never applies twice. */
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /**
   * The server's clock when the command arrived. The business time written to
   * the events is resolved from the command (its own date, else
   * `requestedOccurredAt`, else this) by the executor; the domain never reads a clock.
   */
  receivedAt: Date;
  /** The client's `occurredAt`, for a command without a business date of its own (or to give its instant within that day). */
  requestedOccurredAt?: Date;
  /**
   * The client's input as it asked for the command, without the command id:
   * what a retry must repeat (see commandDigest). Absent for commands that do
   * not come from a client's input; then the command's own data stands for it.
   */
  input?: unknown;
}

export const EVENT_SCHEMA_VERSION = 1;
