import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { RegisterPoliceRegionInput } from './register-police-region.input';

export class RegisterPoliceRegionCommand {
  constructor(
    readonly input: RegisterPoliceRegionInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterPoliceRegionCommand)
export class RegisterPoliceRegionHandler implements ICommandHandler<RegisterPoliceRegionCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: RegisterPoliceRegionCommand): Promise<string> {
    const organisationId = input.organisationId ?? deterministicUuid('organisation', context.commandId);
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'RegisterPoliceRegion', data: { organisationId, name: input.name } },
      context,
    });
    return organisationId;
  }
}
