import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { RegisterMunicipalityInput } from './register-municipality.input';

export class RegisterMunicipalityCommand {
  constructor(
    readonly input: RegisterMunicipalityInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(RegisterMunicipalityCommand)
export class RegisterMunicipalityHandler implements ICommandHandler<RegisterMunicipalityCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: RegisterMunicipalityCommand): Promise<string> {
    const organisationId = input.organisationId ?? deterministicUuid('organisation', context.commandId);
    await this.commands.run({
      streamName: organisationStream(organisationId),
      decider: organisationDecider,
      command: { type: 'RegisterMunicipality', data: { organisationId, name: input.name, municipalityCode: input.municipalityCode } },
      context,
    });
    return organisationId;
  }
}
