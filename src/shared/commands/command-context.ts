/** Who runs a command; from configuration until sign-in exists, then from the verified token. */
export interface Actor {
  userId: string;
  displayName: string;
  organisationId: string | null;
  role: string;
}

/** Everything a command carries besides its own data: ids, time and the actor, recorded in each event's metadata. */
export interface CommandContext {
  /** Client-supplied for safe retries, otherwise generated. The same id never applies twice. */
  commandId: string;
  correlationId: string;
  causationId: string;
  actor: Actor;
  /** Business time of the command; the domain never reads a clock. */
  occurredAt: Date;
}

export const EVENT_SCHEMA_VERSION = 1;
