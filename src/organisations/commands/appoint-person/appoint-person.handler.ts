import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { AppointPersonInput, RemovePersonInput } from './appoint-person.input';

export class AppointPersonCommand {
  constructor(readonly input: AppointPersonInput, readonly context: CommandContext) {}
}

export class RemovePersonCommand {
  constructor(readonly input: RemovePersonInput, readonly context: CommandContext) {}
}

/** Returns the organisation id. */
@CommandHandler(AppointPersonCommand)
export class AppointPersonHandler implements ICommandHandler<AppointPersonCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: AppointPersonCommand): Promise<string> {
    const { organisationId, name, role, appointedOn } = input;
    const personId = input.personId ?? deterministicUuid('person', context.commandId);
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'AppointPerson', data: { organisationId, personId, name, role, appointedOn } },
      context,
    });
    return organisationId;
  }
}

@CommandHandler(RemovePersonCommand)
export class RemovePersonHandler implements ICommandHandler<RemovePersonCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: RemovePersonCommand): Promise<string> {
    const { organisationId, personId, removedOn } = input;
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'RemovePerson', data: { organisationId, personId, removedOn, reason: input.reason ?? null } },
      context,
    });
    return organisationId;
  }
}
