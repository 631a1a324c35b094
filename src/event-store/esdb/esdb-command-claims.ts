/**
 * The command-id index on EventStoreDB: before a command's events are
 * appended, its id is claimed in a stream of its own, `samverkanCommand-<id>`,
 * with expected revision no_stream — the one write EventStoreDB makes atomic
 * across every writer and node. The claim names the target stream and the
 * command's digest; an id claimed for another stream or digest is refused
 * (CommandIdReusedError) before anything is written.
 *
 * Why a claim stream and not the events alone: EventStoreDB can only check an
 * append against the one stream it goes to, so a command id reused on another
 * stream, or a retry arriving while the first attempt is still in flight
 * elsewhere, is invisible to it. Why not more: the claim cannot commit
 * together with the events (EventStoreDB has no multi-stream transaction), so
 * a claim for this very command only says "this id means this command"; the
 * events themselves say whether it was applied. A claim whose append never
 * happened (the process died in between) is simply followed by the retry.
 *
 * Claim events have a `$` type: the server-side filter of `$all`
 * subscriptions and every `$all` read here leave them out, so projections,
 * audit and exports never see them. The stream itself is an ordinary one,
 * so no admin rights are needed (unlike `$` streams).
 */
import { EventStoreDBClient, FORWARDS, jsonEvent, NO_STREAM, START, WrongExpectedVersionError } from '@eventstore/db-client';
import { CommandIdReusedError, EventStoreError } from '../event-store.errors';
import { CommandRecord } from '../event-store.port';
import { RetryPolicy, withRetry } from './esdb-errors';
import { LEADER } from './esdb-reads';

const CLAIM_TYPE = '$CommandClaimed';
export const commandClaimStream = (commandId: string) => `samverkanCommand-${commandId}`;

interface Claim {
  streamName: string;
  digest: string;
}

/** Claims this process made or checked: a command retried after a conflict is not claimed again. */
const REMEMBERED = 10_000;

export class CommandClaims {
  private readonly known = new Map<string, Claim>();

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly retry: RetryPolicy,
  ) {}

  /** Resolves when `command` is claimed for `streamName` (now or before); throws CommandIdReusedError otherwise. */
  async claim(streamName: string, command: CommandRecord): Promise<void> {
    const claim = this.known.get(command.id) ?? (await this.claimOrRead(streamName, command));
    if (claim.streamName !== streamName || claim.digest !== command.digest) throw new CommandIdReusedError(command.id);
    this.remember(command.id, claim);
  }

  private async claimOrRead(streamName: string, command: CommandRecord): Promise<Claim> {
    const stream = commandClaimStream(command.id);
    const claim: Claim = { streamName, digest: command.digest };
    try {
      await withRetry(this.retry, () => this.client.appendToStream(stream, jsonEvent({ type: CLAIM_TYPE, data: { ...claim } }), { expectedRevision: NO_STREAM }));
      return claim;
    } catch (error) {
      // Claimed before: by an earlier attempt of this command (perhaps a lost reply of the retry above) or by another command.
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    // Read to the end, never `return` out of the loop: a read left half-way keeps the client's dispose() waiting.
    const [first] = await withRetry(this.retry, () => this.client.readStream(stream, { ...LEADER, direction: FORWARDS, fromRevision: START, maxCount: 1 }).toArray());
    const data = first?.event?.data as Partial<Claim> | undefined;
    if (typeof data?.streamName !== 'string' || typeof data.digest !== 'string') {
      throw new EventStoreError(`The claim of command id ${command.id} (stream "${stream}") is unreadable`);
    }
    return { streamName: data.streamName, digest: data.digest };
  }

  private remember(commandId: string, claim: Claim): void {
    this.known.delete(commandId);
    this.known.set(commandId, claim);
    if (this.known.size > REMEMBERED) this.known.delete(this.known.keys().next().value as string);
  }
}
