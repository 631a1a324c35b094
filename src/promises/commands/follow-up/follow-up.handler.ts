import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { promiseStream } from '../../../shared/streams';
import { PromiseCommand } from '../../domain/promise.commands';
import { promiseDecider } from '../../domain/promise.decider';
import { PlanFollowUpsInput, RecordFollowUpInput, SubmitFinalReportInput } from './follow-up.input';

type Input = PlanFollowUpsInput | RecordFollowUpInput | SubmitFinalReportInput;

/** Planning follow-ups, recording one, submitting the final report: each one decision on the promise stream. */
export class FollowUpCommand {
  constructor(readonly input: Input, readonly kind: 'Plan' | 'Record' | 'FinalReport', readonly context: CommandContext) {}
}

@CommandHandler(FollowUpCommand)
export class FollowUpHandler implements ICommandHandler<FollowUpCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, kind, context }: FollowUpCommand): Promise<string> {
    await this.commands.run({ streamName: promiseStream(input.promiseId), decider: promiseDecider, command: toCommand(input, kind), context });
    return input.promiseId;
  }
}

function toCommand(input: Input, kind: FollowUpCommand['kind']): PromiseCommand {
  switch (kind) {
    case 'Plan': {
      const { promiseId, followUps, finalReportDueOn } = input as PlanFollowUpsInput;
      return { type: 'PlanFollowUps', data: { promiseId, followUps: followUps.map(({ followUpId, dueOn, label }) => ({ followUpId, dueOn, label })), finalReportDueOn } };
    }
    case 'Record': {
      const d = input as RecordFollowUpInput;
      return {
        type: 'RecordFollowUp',
        data: {
          promiseId: d.promiseId,
          followUpId: d.followUpId,
          reportedOn: d.reportedOn,
          summary: d.summary,
          activityStatuses: d.activityStatuses.map(({ plannedActivityId, status, comment }) => ({ plannedActivityId, status, comment: comment ?? null })),
          measurements: d.measurements.map(({ indicatorId, value, measuredOn, note }) => ({ indicatorId, value, measuredOn, note: note ?? null })),
          communicatedToCitizens: d.communicatedToCitizens ?? null,
          communicationChannels: d.communicationChannels,
        },
      };
    }
    case 'FinalReport': {
      const { promiseId, submittedOn, summary } = input as SubmitFinalReportInput;
      return { type: 'SubmitFinalReport', data: { promiseId, submittedOn, summary } };
    }
  }
}
