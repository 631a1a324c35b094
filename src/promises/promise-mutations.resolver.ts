import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { CitizenPromise } from './graphql/promise.types';
import { PromiseQueries } from './read-models/promises.queries';
import { DraftPromiseInput } from './commands/draft-promise/draft-promise.input';
import { DraftPromiseCommand } from './commands/draft-promise/draft-promise.handler';
import { AdoptPromiseInput } from './commands/adopt-promise/adopt-promise.input';
import { AdoptPromiseCommand } from './commands/adopt-promise/adopt-promise.handler';
import { ExtendPromiseInput } from './commands/extend-promise/extend-promise.input';
import { ExtendPromiseCommand } from './commands/extend-promise/extend-promise.handler';
import { WithdrawPromiseInput } from './commands/withdraw-promise/withdraw-promise.input';
import { WithdrawPromiseCommand } from './commands/withdraw-promise/withdraw-promise.handler';
import { CompletePromiseInput, PublishPromiseInput } from './commands/change-promise/change-promise.input';
import { CompletePromiseCommand, PublishPromiseCommand } from './commands/change-promise/change-promise.handler';
import { LinkFocusAreasInput } from './commands/link-focus-areas/link-focus-areas.input';
import { LinkFocusAreasCommand } from './commands/link-focus-areas/link-focus-areas.handler';
import { PlanFollowUpsInput, RecordFollowUpInput, SubmitFinalReportInput } from './commands/follow-up/follow-up.input';
import { FollowUpCommand } from './commands/follow-up/follow-up.handler';

/** Every promise mutation answers with the promise as the read models show it after the command (read-your-writes). */
@Resolver(() => CitizenPromise)
export class PromiseMutationsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly promiseQueries: PromiseQueries,
  ) {}

  @Mutation(() => CitizenPromise, { description: 'Drafts a promise under an active agreement.' })
  draftPromise(@Args('input') input: DraftPromiseInput, @Context() request: RequestInfo) {
    return this.run(new DraftPromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Adopts (signs) a drafted promise.' })
  adoptPromise(@Args('input') input: AdoptPromiseInput, @Context() request: RequestInfo) {
    return this.run(new AdoptPromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Makes an adopted promise public.' })
  publishPromise(@Args('input') input: PublishPromiseInput, @Context() request: RequestInfo) {
    return this.run(new PublishPromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Extends a promise into the following period (förlängning).' })
  extendPromise(@Args('input') input: ExtendPromiseInput, @Context() request: RequestInfo) {
    return this.run(new ExtendPromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise)
  withdrawPromise(@Args('input') input: WithdrawPromiseInput, @Context() request: RequestInfo) {
    return this.run(new WithdrawPromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Closes a promise once its current period has a final report.' })
  completePromise(@Args('input') input: CompletePromiseInput, @Context() request: RequestInfo) {
    return this.run(new CompletePromiseCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Links the promise to focus areas of a situation assessment.' })
  linkFocusAreas(@Args('input') input: LinkFocusAreasInput, @Context() request: RequestInfo) {
    return this.run(new LinkFocusAreasCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Plans the follow-ups of the current period and the final report due date.' })
  planFollowUps(@Args('input') input: PlanFollowUpsInput, @Context() request: RequestInfo) {
    return this.run(new FollowUpCommand(input, 'Plan', this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Records a planned follow-up.' })
  recordFollowUp(@Args('input') input: RecordFollowUpInput, @Context() request: RequestInfo) {
    return this.run(new FollowUpCommand(input, 'Record', this.contexts.create(request, input)));
  }

  @Mutation(() => CitizenPromise, { description: 'Submits the final report of the current period.' })
  submitFinalReport(@Args('input') input: SubmitFinalReportInput, @Context() request: RequestInfo) {
    return this.run(new FollowUpCommand(input, 'FinalReport', this.contexts.create(request, input)));
  }

  private async run(command: object): Promise<CitizenPromise | null> {
    const promiseId = await this.commandBus.execute<object, string>(command);
    return this.promiseQueries.byId(promiseId);
  }
}
