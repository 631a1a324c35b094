import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { ActivityKind, ActivityLogEntry, ActivityLogEntryConnection } from './graphql/promise.types';
import { ActivityLogQueries } from './read-models/activity-log.queries';
import { CorrectActivityInput, LogActivityInput } from './commands/log-activity/log-activity.input';
import { CorrectActivityCommand, LogActivityCommand } from './commands/log-activity/log-activity.handler';

@Resolver(() => ActivityLogEntry)
export class ActivityLogResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly activityLogQueries: ActivityLogQueries,
  ) {}

  @Query(() => ActivityLogEntryConnection, { description: 'The activity log, oldest first.' })
  activityLog(
    @Args() page: PageArgs,
    @Args('promiseId', { type: () => ID, nullable: true }) promiseId?: string,
    @Args('organisationId', { type: () => ID, nullable: true, description: 'Responsible organisation.' }) organisationId?: string,
    @Args('kind', { type: () => ActivityKind, nullable: true }) kind?: ActivityKind,
    @Args('from', { nullable: true, description: 'Earliest date, YYYY-MM-DD.' }) from?: string,
    @Args('to', { nullable: true, description: 'Latest date, YYYY-MM-DD.' }) to?: string,
    @Args('includeSuperseded', { nullable: true, description: 'Also entries a correction superseded (the full history).' }) includeSuperseded?: boolean,
  ) {
    return this.activityLogQueries.list({ promiseId, organisationId, kind, from, to, includeSuperseded }, page.first, page.after);
  }

  @Mutation(() => ActivityLogEntry, { description: 'Logs an activity carried out under an adopted promise.' })
  async logActivity(@Args('input') input: LogActivityInput, @Context() request: RequestInfo) {
    const entryId = await this.commandBus.execute<LogActivityCommand, string>(new LogActivityCommand(input, this.contexts.create(request, input)));
    return this.activityLogQueries.byId(input.promiseId, entryId);
  }

  @Mutation(() => ActivityLogEntry, { description: 'Corrects an entry: a new entry supersedes it, with the reason; the original stays in the history.' })
  async correctActivity(@Args('input') input: CorrectActivityInput, @Context() request: RequestInfo) {
    const entryId = await this.commandBus.execute<CorrectActivityCommand, string>(new CorrectActivityCommand(input, this.contexts.create(request, input)));
    return this.activityLogQueries.byId(input.promiseId, entryId);
  }
}
