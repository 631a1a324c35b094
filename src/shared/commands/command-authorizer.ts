import { Actor } from './command-context';

/** A command about to be decided, with the state its stream folds to right now. */
export interface CommandAuthorizationRequest {
  streamName: string;
  command: { type: string; data?: unknown };
  /** Folded from the stream (never a read model): who the parties are is what the events say. */
  state: unknown;
  actor: Actor;
}

/**
 * Decides whether the actor may run this command on this aggregate; throws to
 * refuse. Runs on every attempt (before the idempotency check too, so replaying
 * someone else's command id reveals nothing). The rules live in src/auth.
 */
export abstract class CommandAuthorizer {
  abstract authorize(request: CommandAuthorizationRequest): void;
}
