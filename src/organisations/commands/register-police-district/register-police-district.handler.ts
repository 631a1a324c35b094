import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { organisationSnapshot } from '../organisation-snapshot';
import { RegisterChildOrganisationInput } from '../register-police-region/register-police-region.input';

export class RegisterPoliceDistrictCommand {
  constructor(
    readonly input: RegisterChildOrganisationInput,
    readonly context: CommandContext,
  ) {}
}

/** The region is read from its own stream and handed to the decider as a snapshot. */
@CommandHandler(RegisterPoliceDistrictCommand)
export class RegisterPoliceDistrictHandler implements ICommandHandler<RegisterPoliceDistrictCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: RegisterPoliceDistrictCommand): Promise<string> {
    const organisationId = input.organisationId ?? deterministicUuid('organisation', context.commandId);
    const policeRegion = await organisationSnapshot(this.executor, input.parentId);
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'RegisterPoliceDistrict', data: { organisationId, name: input.name, policeRegion } },
      context,
    });
    return organisationId;
  }
}
