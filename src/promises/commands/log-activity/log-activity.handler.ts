import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { LogActivityInput } from './log-activity.input';

export class LogActivityCommand {
  constructor(
    readonly input: LogActivityInput,
    readonly context: CommandContext,
  ) {}
}

/** Returns the entry id. */
@CommandHandler(LogActivityCommand)
export class LogActivityHandler implements ICommandHandler<LogActivityCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: LogActivityCommand): Promise<string> {
    const entryId = input.entryId ?? deterministicUuid('activity', context.commandId);
    await this.commands.run({
      streamName: promiseStream(input.promiseId),
      decider: promiseDecider,
      command: {
        type: 'LogActivity',
        data: {
          promiseId: input.promiseId,
          entryId,
          date: input.date,
          kind: input.kind,
          responsibleOrganisationId: input.responsibleOrganisationId,
          count: input.count,
          place: input.place ?? null,
          outcome: input.outcome ?? null,
          notes: input.notes ?? null,
          plannedActivityId: input.plannedActivityId ?? null,
        },
      },
      context,
    });
    return entryId;
  }
}
