import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { promiseStream } from '../../../shared/streams';
import { promiseDecider } from '../../domain/promise.decider';
import { toPlannedActivities } from '../planned-activities';
import { ExtendPromiseInput } from './extend-promise.input';

export class ExtendPromiseCommand {
  constructor(
    readonly input: ExtendPromiseInput,
    readonly context: CommandContext,
  ) {}
}

@CommandHandler(ExtendPromiseCommand)
export class ExtendPromiseHandler implements ICommandHandler<ExtendPromiseCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, context }: ExtendPromiseCommand): Promise<string> {
    const { promiseId, newPeriodFrom, newPeriodTo, reason, revisedActivities, decidedBy, decidedOn, decisionReference } = input;
    // Any part of a decision makes it one, so a missing body or date is refused by name rather than dropped.
    const decided = decidedBy != null || decidedOn != null || decisionReference != null;
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: {
        type: 'ExtendPromise',
        data: {
          promiseId,
          newPeriod: { from: newPeriodFrom, to: newPeriodTo },
          reason,
          revisedActivities: revisedActivities ? toPlannedActivities(revisedActivities, context.commandId) : null,
          decision: decided ? { decidedBy: decidedBy as string, decidedOn: decidedOn as string, reference: decisionReference ?? null } : null,
        },
      },
      context,
    });
    return promiseId;
  }
}
