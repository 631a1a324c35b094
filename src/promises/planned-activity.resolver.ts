import { Args, Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../shared/clock';
import { PlannedActivity } from './graphql/promise.types';
import { ActivityProgress } from './graphql/follow-up.types';
import { ActivityLogQueries } from './read-models/activity-log.queries';
import { activityProgress } from './read-models/progress';
import { todayOr } from './read-models/today';
import { loggedCounts } from './promises.resolver';

@Resolver(() => PlannedActivity)
export class PlannedActivityResolver {
  constructor(
    private readonly activityLogQueries: ActivityLogQueries,
    private readonly clock: Clock,
  ) {}

  @ResolveField(() => ActivityProgress, { description: 'Target vs logged count in the current period, as of `today` (default: the server date).' })
  async progress(@Parent() activity: PlannedActivity, @Context() request: object, @Args('today', { nullable: true }) today?: string) {
    const counts = await loggedCounts(request, this.activityLogQueries).load(activity.promiseId);
    return activityProgress(activity.id, activity.target, activity.currentPeriod, todayOr(today, this.clock), counts);
  }
}
