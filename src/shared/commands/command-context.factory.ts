import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../clock';
import { CommandContext } from './command-context';

/** What a GraphQL request knows about itself: set in the GraphQL context for every operation. */
export interface RequestInfo {
  correlationId: string;
}

/** Builds the who/when/why of a command from the request; the client only chooses its command id. */
@Injectable()
export class CommandContextFactory {
  constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  create(request: RequestInfo, clientCommandId: string | undefined | null): CommandContext {
    const commandId = clientCommandId ?? randomUUID();
    return {
      commandId,
      correlationId: request.correlationId,
      // A command sent by a person is caused by their request.
      causationId: request.correlationId,
      actor: {
        userId: this.config.DEV_ACTOR_USER_ID,
        displayName: this.config.DEV_ACTOR_NAME,
        organisationId: this.config.DEV_ACTOR_ORGANISATION_ID ?? null,
        role: this.config.DEV_ACTOR_ROLE,
      },
      occurredAt: this.clock.now(),
    };
  }
}
