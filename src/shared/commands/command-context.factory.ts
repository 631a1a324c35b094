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

/** Builds the who/when/why of a command from the request; the client only chooses its command id. */
@Injectable()
export class CommandContextFactory {
  constructor(private readonly clock: Clock) {}

  create(request: RequestInfo, clientCommandId: string | undefined | null): CommandContext {
    const commandId = clientCommandId ?? randomUUID();
    return {
      commandId,
      correlationId: request.correlationId,
      // A command sent by a person is caused by their request.
      causationId: request.correlationId,
      actor: actorOf(request.viewer),
      occurredAt: this.clock.now(),
    };
  }
}

/** The access guard already refuses anonymous mutations; this keeps an unsigned command from ever being recorded. */
function actorOf(viewer: RequestViewer | null | undefined): Actor {
  if (!viewer) throw new GraphQLError('Sign in to change anything', { extensions: { code: 'UNAUTHENTICATED' } });
  const { userId, displayName, organisationId, roles } = viewer;
  return { userId, displayName, organisationId, role: roles[0] ?? 'none', roles: [...roles] };
}
