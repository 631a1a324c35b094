import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { organisationSnapshot } from '../organisation-snapshot';
import { RegisterLocalPoliceAreaInput } from './register-local-police-area.input';

export class RegisterLocalPoliceAreaCommand {
  constructor(
    readonly input: RegisterLocalPoliceAreaInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterLocalPoliceAreaCommand)
export class RegisterLocalPoliceAreaHandler implements ICommandHandler<RegisterLocalPoliceAreaCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: RegisterLocalPoliceAreaCommand): Promise<string> {
    const organisationId = input.organisationId ?? deterministicUuid('organisation', context.commandId);
    const { name, policeDistrict, policeRegion } = input;
    const parentDistrict = input.policeDistrictId ? await organisationSnapshot(this.executor, input.policeDistrictId) : null;
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'RegisterLocalPoliceArea', data: { organisationId, name, policeDistrict, policeRegion, parentDistrict } },
      context,
    });
    return organisationId;
  }
}
