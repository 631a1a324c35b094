import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandExecutor } from '../../../shared/commands/command-executor';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { assessmentStream, promiseStream } from '../../../shared/streams';
import { assessmentDecider } from '../../../assessments/domain/assessment.decider';
import { AssessmentSnapshot } from '../../domain/promise.commands';
import { promiseDecider } from '../../domain/promise.decider';
import { LinkFocusAreasInput } from './link-focus-areas.input';

export class LinkFocusAreasCommand {
  constructor(readonly input: LinkFocusAreasInput, readonly context: CommandContext) {}
}

@CommandHandler(LinkFocusAreasCommand)
export class LinkFocusAreasHandler implements ICommandHandler<LinkFocusAreasCommand, string> {
  constructor(
    private readonly commands: CommandRunner,
    private readonly executor: CommandExecutor,
  ) {}

  async execute({ input, context }: LinkFocusAreasCommand): Promise<string> {
    const { promiseId, focusAreaIds } = input;
    await this.commands.run({
      streamName: promiseStream(promiseId),
      decider: promiseDecider,
      command: { type: 'LinkFocusAreas', data: { promiseId, assessment: await this.assessment(input.assessmentId), focusAreaIds } },
      context,
    });
    return promiseId;
  }

  /** The assessment as its own stream says it is (never a read model). */
  private async assessment(assessmentId: string): Promise<AssessmentSnapshot> {
    const { state } = await this.executor.load(assessmentStream(assessmentId), assessmentDecider);
    if (state.status === 'None') return { assessmentId, status: 'None', agreementId: null, focusAreaIds: [] };
    return { assessmentId, status: state.status, agreementId: state.agreementId, focusAreaIds: state.focusAreas.map((f) => f.focusAreaId) };
  }
}
