import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { RequestInfo } from '../shared/commands/command-context.factory';
import { Clock } from '../shared/clock';
import { ErrorCode } from '../shared/graphql/graphql-errors';
import { PageArgs } from '../shared/graphql/page.args';
import { Deadline, DeadlineConnection, DeadlineKind } from './graphql/follow-up.types';
import { DeadlineQueries } from './read-models/deadlines.queries';
import { todayOr } from './read-models/today';

@Resolver(() => Deadline)
export class DeadlinesResolver {
  constructor(
    private readonly queries: DeadlineQueries,
    private readonly clock: Clock,
  ) {}

  @Query(() => DeadlineConnection, {
    description: 'Open follow-ups and final reports due within `withinDays` (overdue ones too), agreements expiring then, and promises whose period ended without a final report; by due date.',
  })
  deadlines(
    @Args() page: PageArgs,
    @Args('today', { nullable: true, description: 'YYYY-MM-DD; default: the server date.' }) today?: string,
    @Args('withinDays', { type: () => Int, nullable: true, defaultValue: 30 }) withinDays = 30,
    @Args('kinds', { type: () => [DeadlineKind], nullable: true }) kinds?: DeadlineKind[],
    @Args('overdueOnly', { nullable: true }) overdueOnly?: boolean,
    @Args('promiseId', { type: () => ID, nullable: true }) promiseId?: string,
    @Context() request?: RequestInfo,
  ) {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > 3660) {
      throw new GraphQLError('withinDays must be between 0 and 3660', { extensions: { code: ErrorCode.BAD_USER_INPUT, fields: ['withinDays'] } });
    }
    const filter = { today: todayOr(today, this.clock), withinDays, kinds, overdueOnly, promiseId, partyOf: deadlinesOf(request?.viewer) };
    return this.queries.list(filter, page.first, page.after);
  }
}

/** Deadlines are internal planning: auditors see all, anyone else their own organisation's (see DeadlineFilter.partyOf). */
function deadlinesOf(viewer: RequestInfo['viewer']): readonly string[] | null {
  if (viewer?.roles.includes('auditor')) return null;
  return viewer?.organisationId ? [viewer.organisationId] : [];
}
