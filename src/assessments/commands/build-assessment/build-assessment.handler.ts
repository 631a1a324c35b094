import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../../shared/commands/command-context';
import { CommandRunner } from '../../../shared/commands/command-runner';
import { deterministicUuid } from '../../../shared/commands/deterministic-id';
import { assessmentStream } from '../../../shared/streams';
import { AssessmentCommand } from '../../domain/assessment.commands';
import { assessmentDecider } from '../../domain/assessment.decider';
import { AddAssessmentSourceInput, CompleteAssessmentInput, IdentifyProblemInput, PrioritiseFocusAreasInput } from './build-assessment.input';

type Input = AddAssessmentSourceInput | IdentifyProblemInput | PrioritiseFocusAreasInput | CompleteAssessmentInput;

/** Sources, problems, priorities and completion: each one decision on the assessment's own stream. */
export class BuildAssessmentCommand {
  constructor(readonly input: Input, readonly kind: 'Source' | 'Problem' | 'Prioritise' | 'Complete', readonly context: CommandContext) {}
}

@CommandHandler(BuildAssessmentCommand)
export class BuildAssessmentHandler implements ICommandHandler<BuildAssessmentCommand, string> {
  constructor(private readonly commands: CommandRunner) {}

  async execute({ input, kind, context }: BuildAssessmentCommand): Promise<string> {
    await this.commands.run({ streamName: assessmentStream(input.assessmentId), decider: assessmentDecider, command: toCommand(input, kind, context.commandId), context });
    return input.assessmentId;
  }
}

function toCommand(input: Input, kind: BuildAssessmentCommand['kind'], commandId: string): AssessmentCommand {
  switch (kind) {
    case 'Source': {
      const { assessmentId, sourceId, kind: sourceKind, summary, providedByOrganisationId } = input as AddAssessmentSourceInput;
      const id = sourceId ?? deterministicUuid('source', commandId);
      return { type: 'AddAssessmentSource', data: { assessmentId, sourceId: id, kind: sourceKind, summary, providedByOrganisationId: providedByOrganisationId ?? null } };
    }
    case 'Problem': {
      const { assessmentId, problemId, description, causeAnalysis } = input as IdentifyProblemInput;
      return { type: 'IdentifyProblem', data: { assessmentId, problemId: problemId ?? deterministicUuid('problem', commandId), description, causeAnalysis } };
    }
    case 'Prioritise': {
      const { assessmentId, focusAreas } = input as PrioritiseFocusAreasInput;
      return { type: 'PrioritiseFocusAreas', data: { assessmentId, focusAreas: focusAreas.map(({ focusAreaId, name, problemIds }) => ({ focusAreaId, name, problemIds })) } };
    }
    case 'Complete': {
      const { assessmentId, completedOn } = input as CompleteAssessmentInput;
      return { type: 'CompleteAssessment', data: { assessmentId, completedOn } };
    }
  }
}
