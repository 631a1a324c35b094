import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { ActivityKind, ActivityLogEntryConnection, CitizenPromise, CitizenPromiseConnection, PromiseStatus } from './graphql/promise.types';
import { CollaborationAgreement } from '../agreements/graphql/agreement.types';
import { AgreementQueries } from '../agreements/read-models/agreements.queries';
import { PromiseQueries } from './read-models/promises.queries';
import { ActivityLogQueries } from './read-models/activity-log.queries';
import { DraftPromiseInput } from './commands/draft-promise/draft-promise.input';
import { DraftPromiseCommand } from './commands/draft-promise/draft-promise.handler';
import { AdoptPromiseInput } from './commands/adopt-promise/adopt-promise.input';
import { AdoptPromiseCommand } from './commands/adopt-promise/adopt-promise.handler';
import { ExtendPromiseInput } from './commands/extend-promise/extend-promise.input';
import { ExtendPromiseCommand } from './commands/extend-promise/extend-promise.handler';
import { WithdrawPromiseInput } from './commands/withdraw-promise/withdraw-promise.input';
import { WithdrawPromiseCommand } from './commands/withdraw-promise/withdraw-promise.handler';

@Resolver(() => CitizenPromise)
export class PromisesResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly promiseQueries: PromiseQueries,
    private readonly activityLogQueries: ActivityLogQueries,
    private readonly agreements: AgreementQueries,
  ) {}

  @Query(() => CitizenPromise, { nullable: true })
  promise(@Args('id', { type: () => ID }) id: string) {
    return this.promiseQueries.byId(id);
  }

  @Query(() => CitizenPromiseConnection, { description: 'Promises in the order they were drafted.' })
  promises(
    @Args() page: PageArgs,
    @Args('municipalityId', { type: () => ID, nullable: true }) municipalityId?: string,
    @Args('policeAreaId', { type: () => ID, nullable: true }) policeAreaId?: string,
    @Args('year', { type: () => Int, nullable: true, description: 'Any of its periods overlaps this year.' }) year?: number,
    @Args('status', { type: () => PromiseStatus, nullable: true }) status?: PromiseStatus,
  ) {
    return this.promiseQueries.list({ municipalityId, policeAreaId, year, status }, page.first, page.after);
  }

  @ResolveField(() => CollaborationAgreement, { nullable: true })
  agreement(@Parent() promise: CitizenPromise) {
    return this.agreements.byId(promise.agreementId);
  }

  @ResolveField(() => ActivityLogEntryConnection, { description: 'Logged activities, oldest first.' })
  activities(
    @Parent() promise: CitizenPromise,
    @Args() page: PageArgs,
    @Args('kind', { type: () => ActivityKind, nullable: true }) kind?: ActivityKind,
  ) {
    return this.activityLogQueries.list({ promiseId: promise.id, kind }, page.first, page.after);
  }

  @Mutation(() => CitizenPromise, { description: 'Drafts a promise under an active agreement.' })
  async draftPromise(@Args('input') input: DraftPromiseInput, @Context() request: RequestInfo) {
    return this.run(new DraftPromiseCommand(input, this.contexts.create(request, input.commandId)));
  }

  @Mutation(() => CitizenPromise, { description: 'Adopts (signs) a drafted promise.' })
  async adoptPromise(@Args('input') input: AdoptPromiseInput, @Context() request: RequestInfo) {
    return this.run(new AdoptPromiseCommand(input, this.contexts.create(request, input.commandId)));
  }

  @Mutation(() => CitizenPromise, { description: 'Extends a promise into the following period (förlängning).' })
  async extendPromise(@Args('input') input: ExtendPromiseInput, @Context() request: RequestInfo) {
    return this.run(new ExtendPromiseCommand(input, this.contexts.create(request, input.commandId)));
  }

  @Mutation(() => CitizenPromise)
  async withdrawPromise(@Args('input') input: WithdrawPromiseInput, @Context() request: RequestInfo) {
    return this.run(new WithdrawPromiseCommand(input, this.contexts.create(request, input.commandId)));
  }

  private async run(command: object): Promise<CitizenPromise | null> {
    const promiseId = await this.commandBus.execute<object, string>(command);
    return this.promiseQueries.byId(promiseId);
  }
}
