import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Connection } from '../../shared/graphql/connection';
import { PageArgs } from '../../shared/graphql/page.args';
import { requestLoader } from '../../shared/graphql/request-loaders';
import { ActivityLogEntry } from '../graphql/promise.types';
import { FinalReport, FollowUp } from '../graphql/follow-up.types';
import { PromiseQueries } from '../read-models/promises.queries';
import { ActivityLogQueries } from '../read-models/activity-log.queries';
import { FollowUpQueries } from '../read-models/follow-ups.queries';
import { PublicActivityConnection, PublicFinalReport, PublicFollowUp, PublicPromise, PublicPromiseConnection } from './public.types';
import { isPublicPromise, toPublicActivities, toPublicFinalReports, toPublicFollowUps, toPublicPromise } from './to-public';

/** The public view: published promises, readable without signing in, with their activities, follow-ups and final reports. */
@Resolver(() => PublicPromise)
export class PublicPromisesResolver {
  constructor(
    private readonly promises: PromiseQueries,
    private readonly activityLog: ActivityLogQueries,
    private readonly followUpQueries: FollowUpQueries,
  ) {}

  @Query(() => PublicPromiseConnection, { description: 'Published citizen promises, in the order they were drafted.' })
  async publicPromises(
    @Args() page: PageArgs,
    @Args('municipalityId', { type: () => ID, nullable: true }) municipalityId?: string,
    @Args('policeAreaId', { type: () => ID, nullable: true }) policeAreaId?: string,
    @Args('year', { type: () => Int, nullable: true }) year?: number,
  ) {
    const page_ = await this.promises.list({ municipalityId, policeAreaId, year, publishedOnly: true }, page.first, page.after);
    return { pageInfo: page_.pageInfo, edges: page_.edges.map(({ cursor, node }) => ({ cursor, node: toPublicPromise(node) })) };
  }

  @Query(() => PublicPromise, { nullable: true, description: 'A published promise (null for one not published).' })
  async publicPromise(@Args('id', { type: () => ID }) id: string) {
    const promise = await this.promises.byId(id);
    return promise && isPublicPromise(promise) ? toPublicPromise(promise) : null;
  }

  @ResolveField(() => PublicActivityConnection, { description: 'Carried-out activities, oldest first (corrected entries replaced by their corrections).' })
  async activities(@Parent() promise: PublicPromise, @Context() request: object, @Args() page: PageArgs) {
    const empty: Connection<ActivityLogEntry> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    const loader = requestLoader(request, `public.activities:${JSON.stringify([page.first, page.after])}`, (ids: readonly string[]) => this.activityLog.pagesFor(ids, {}, page.first, page.after), empty);
    return toPublicActivities(await loader.load(promise.id));
  }

  @ResolveField(() => [PublicFollowUp], { description: 'Follow-ups reported so far.' })
  async followUps(@Parent() promise: PublicPromise, @Context() request: object) {
    const loader = requestLoader(request, 'promise.followUps', (ids: readonly string[]) => this.followUpQueries.followUpsOf(ids), [] as FollowUp[]);
    return toPublicFollowUps(await loader.load(promise.id));
  }

  @ResolveField(() => [PublicFinalReport], { description: 'Submitted final reports, one per period.' })
  async finalReports(@Parent() promise: PublicPromise, @Context() request: object) {
    const loader = requestLoader(request, 'promise.finalReports', (ids: readonly string[]) => this.followUpQueries.finalReportsOf(ids), [] as FinalReport[]);
    return toPublicFinalReports(await loader.load(promise.id));
  }
}
