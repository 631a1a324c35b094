import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { ActivityFieldsInput, CorrectActivityInput, LogActivityInput } from './log-activity.input';

export class LogActivityCommand {
  constructor(
    readonly input: LogActivityInput,
    readonly context: CommandContext,
  ) {}
}

export class CorrectActivityCommand {
  constructor(
    readonly input: CorrectActivityInput,
    readonly context: CommandContext,
  ) {}
}

const fields = (input: ActivityFieldsInput) => ({
  date: input.date,
  kind: input.kind,
  responsibleOrganisationId: input.responsibleOrganisationId,
  count: input.count,
  place: input.place ?? null,
  outcome: input.outcome ?? null,
  notes: input.notes ?? null,
  plannedActivityId: input.plannedActivityId ?? null,
  hours: input.hours ?? null,
  cost: input.cost ?? null,
});

/** Returns the entry id. */
@CommandHandler(LogActivityCommand)
export class LogActivityHandler implements ICommandHandler<LogActivityCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: LogActivityCommand): Promise<string> {
    const entryId = input.entryId ?? deterministicUuid('activity', context.commandId);
    await this.commands.run({
      streamName: promiseStream(input.promiseId),
      decider: promiseDecider,
      command: { type: 'LogActivity', data: { promiseId: input.promiseId, entryId, ...fields(input) } },
      context,
    });
    return entryId;
  }
}

/** Returns the new entry's id. */
@CommandHandler(CorrectActivityCommand)
export class CorrectActivityHandler implements ICommandHandler<CorrectActivityCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: CorrectActivityCommand): Promise<string> {
    const entryId = input.entryId ?? deterministicUuid('activity', context.commandId);
    const { promiseId, correctsEntryId, reason } = input;
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: { type: 'CorrectActivity', data: { promiseId, entryId, correctsEntryId, reason, ...fields(input) } },
      context,
    });
    return entryId;
  }
}
