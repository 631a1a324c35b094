import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { agreementStream, assessmentStream } from '../../../shared/streams';
import { agreementDecider } from '../../../agreements/domain/agreement.decider';
import { AssessedAgreement } from '../../domain/assessment.commands';
import { assessmentDecider } from '../../domain/assessment.decider';
import { StartAssessmentInput } from './start-assessment.input';

export class StartAssessmentCommand {
  constructor(readonly input: StartAssessmentInput, readonly context: CommandContext) {}
}

@CommandHandler(StartAssessmentCommand)
export class StartAssessmentHandler implements ICommandHandler<StartAssessmentCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: StartAssessmentCommand): Promise<string> {
    const assessmentId = input.assessmentId ?? deterministicUuid('assessment', context.commandId);
    const agreement = input.agreementId ? await this.agreement(input.agreementId) : null;
    const period = input.periodFrom || input.periodTo ? { from: input.periodFrom ?? '', to: input.periodTo ?? '' } : null;
    await this.commands.run({
      streamName: assessmentStream(assessmentId),
      decider: assessmentDecider,
      command: { type: 'StartAssessment', data: { assessmentId, title: input.title, agreement, period, startedByOrganisationId: context.actor.organisationId } },
      context,
    });
    return assessmentId;
  }

  /** The agreement as its own stream says it is (never a read model). */
  private async agreement(agreementId: string): Promise<AssessedAgreement> {
    const { state } = await this.executor.load(agreementStream(agreementId), agreementDecider);
    return { agreementId, status: state.status, partyIds: state.status === 'None' ? [] : state.parties.map((p) => p.organisationId) };
  }
}
