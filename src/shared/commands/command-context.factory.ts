import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { Clock } from '../clock';
import { Actor, CommandContext } from './command-context';

/** The verified person behind a request (see src/auth/identity.ts); null when anonymous. */
export interface RequestViewer {
  userId: string;
  displayName: string;
  organisationId: string | null;
  roles: string[];
}

/** What a GraphQL request knows about itself: set in the GraphQL context for every operation. */
export interface RequestInfo {
  correlationId: string;
  /** From the verified Bearer token (src/auth), never from mutation input. */
  viewer?: RequestViewer | null;
}

/** A mutation's input: any fields, and perhaps the client's own command id. */
export interface ClientInput {
  commandId?: string | null;
  /** When it happened in the world, ISO instant (validated by CommandInput). */
  occurredAt?: string | null;
}

/** Builds the who/when/why of a command from the request; the client only chooses its command id. */
@Injectable()
export class CommandContextFactory {
  constructor(private readonly clock: Clock) {}

  /** `input` is the mutation's input, whose command id (if any) the command takes; null for a context without a command. */
  create(request: RequestInfo, input: ClientInput | null): CommandContext {
    const { commandId: clientCommandId, ...rest } = input ?? {};
    const commandId = clientCommandId ?? randomUUID();
    const requested = input?.occurredAt ? new Date(input.occurredAt) : undefined;
    return {
      commandId,
      correlationId: request.correlationId,
      // A command sent by a person is caused by their request.
      causationId: request.correlationId,
      actor: actorOf(request.viewer),
      receivedAt: this.clock.now(),
      // Stays in `input` too: a retry must repeat the business time it claimed.
      ...(requested ? { requestedOccurredAt: requested } : {}),
      // As plain JSON (inputs arrive as class instances), for the command's digest.
      ...(input ? { input: JSON.parse(JSON.stringify(rest)) as unknown } : {}),
    };
  }
}

/** The access guard already refuses anonymous mutations; this keeps an unsigned command from ever being recorded. */
function actorOf(viewer: RequestViewer | null | undefined): Actor {
  if (!viewer) throw new GraphQLError('Sign in to change anything', { extensions: { code: 'UNAUTHENTICATED' } });
  const { userId, displayName, organisationId, roles } = viewer;
  return { userId, displayName, organisationId, role: roles[0] ?? 'none', roles: [...roles] };
}
