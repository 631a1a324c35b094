import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { organisationStream } from '../../../shared/streams';
import { organisationDecider } from '../../domain/organisation.decider';
import { organisationSnapshot } from '../organisation-snapshot';
import { RecordServedMunicipalitiesInput } from './record-served-municipalities.input';

export class RecordServedMunicipalitiesCommand {
  constructor(readonly input: RecordServedMunicipalitiesInput, readonly context: CommandContext) {}
}

@CommandHandler(RecordServedMunicipalitiesCommand)
export class RecordServedMunicipalitiesHandler implements ICommandHandler<RecordServedMunicipalitiesCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: RecordServedMunicipalitiesCommand): Promise<string> {
    const municipalities = await Promise.all(input.municipalityIds.map((id) => organisationSnapshot(this.executor, id)));
    await this.commands.run({
      streamName: organisationStream(input.organisationId),
      decider: organisationDecider,
      command: { type: 'RecordServedMunicipalities', data: { organisationId: input.organisationId, municipalities } },
      context,
    });
    return input.organisationId;
  }
}
