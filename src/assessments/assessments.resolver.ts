import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { SituationAssessment, SituationAssessmentConnection } from './graphql/assessment.types';
import { AssessmentQueries } from './read-models/assessments.queries';
import { StartAssessmentInput } from './commands/start-assessment/start-assessment.input';
import { StartAssessmentCommand } from './commands/start-assessment/start-assessment.handler';
import {
  AddAssessmentSourceInput, CompleteAssessmentInput, IdentifyProblemInput, PrioritiseFocusAreasInput,
} from './commands/build-assessment/build-assessment.input';
import { BuildAssessmentCommand } from './commands/build-assessment/build-assessment.handler';

@Resolver(() => SituationAssessment)
export class AssessmentsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly queries: AssessmentQueries,
  ) {}

  @Query(() => SituationAssessment, { nullable: true })
  assessment(@Args('id', { type: () => ID }) id: string) {
    return this.queries.byId(id);
  }

  @Query(() => SituationAssessmentConnection, { description: 'Situation assessments in the order they were started.' })
  assessments(@Args() page: PageArgs, @Args('agreementId', { type: () => ID, nullable: true }) agreementId?: string) {
    return this.queries.list({ agreementId }, page.first, page.after);
  }

  @Mutation(() => SituationAssessment)
  startAssessment(@Args('input') input: StartAssessmentInput, @Context() request: RequestInfo) {
    return this.run(new StartAssessmentCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => SituationAssessment)
  addAssessmentSource(@Args('input') input: AddAssessmentSourceInput, @Context() request: RequestInfo) {
    return this.run(new BuildAssessmentCommand(input, 'Source', this.contexts.create(request, input)));
  }

  @Mutation(() => SituationAssessment)
  identifyProblem(@Args('input') input: IdentifyProblemInput, @Context() request: RequestInfo) {
    return this.run(new BuildAssessmentCommand(input, 'Problem', this.contexts.create(request, input)));
  }

  @Mutation(() => SituationAssessment)
  prioritiseFocusAreas(@Args('input') input: PrioritiseFocusAreasInput, @Context() request: RequestInfo) {
    return this.run(new BuildAssessmentCommand(input, 'Prioritise', this.contexts.create(request, input)));
  }

  @Mutation(() => SituationAssessment)
  completeAssessment(@Args('input') input: CompleteAssessmentInput, @Context() request: RequestInfo) {
    return this.run(new BuildAssessmentCommand(input, 'Complete', this.contexts.create(request, input)));
  }

  private async run(command: object): Promise<SituationAssessment | null> {
    const id = await this.commandBus.execute<object, string>(command);
    return this.queries.byId(id);
  }
}
