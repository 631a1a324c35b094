import { Injectable, Logger } from '@nestjs/common';
import { CommandAuthorizationRequest, CommandAuthorizer } from '../shared/commands/command-authorizer';
import { forbidden } from './auth-errors';
import { commandRefusal } from './policy/command-rules';

/** The write-side half of authorization: the command rules, against the stream's state. */
@Injectable()
export class PolicyCommandAuthorizer extends CommandAuthorizer {
  private readonly logger = new Logger('Authorization');

  authorize({ command, state, actor, streamName }: CommandAuthorizationRequest): void {
    const refusal = commandRefusal(actor, command, state);
    if (!refusal) return;
    this.logger.warn(`${actor.userId} (${actor.organisationId ?? 'no organisation'}) refused ${command.type} on ${streamName}: ${refusal}`);
    throw forbidden(`${command.type} refused: ${refusal}`);
  }
}
