import { Args, Context, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Clock } from '../shared/clock';
import { Connection } from '../shared/graphql/connection';
import { PageArgs } from '../shared/graphql/page.args';
import { requestLoader } from '../shared/graphql/request-loaders';
import { ActivityKind, ActivityLogEntry, ActivityLogEntryConnection, CitizenPromise, CitizenPromiseConnection, PromiseStatus } from './graphql/promise.types';
import { FinalReport, FollowUp, PromiseProgress, ProgressStatus } from './graphql/follow-up.types';
import { CollaborationAgreement } from '../agreements/graphql/agreement.types';
import { AgreementQueries } from '../agreements/read-models/agreements.queries';
import { PromiseQueries } from './read-models/promises.queries';
import { ActivityLogQueries, LoggedCount } from './read-models/activity-log.queries';
import { FollowUpQueries } from './read-models/follow-ups.queries';
import { activityProgress } from './read-models/progress';
import { todayOr } from './read-models/today';

/** Reads of promises. Every nested field goes through a per-request DataLoader: a page of N promises costs a fixed number of queries. */
@Resolver(() => CitizenPromise)
export class PromisesResolver {
  constructor(
    private readonly promiseQueries: PromiseQueries,
    private readonly activityLogQueries: ActivityLogQueries,
    private readonly followUpQueries: FollowUpQueries,
    private readonly agreements: AgreementQueries,
    private readonly clock: Clock,
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
    @Args('agreementId', { type: () => ID, nullable: true }) agreementId?: string,
  ) {
    return this.promiseQueries.list({ municipalityId, policeAreaId, year, status, agreementId }, page.first, page.after);
  }

  @ResolveField(() => CollaborationAgreement, { nullable: true })
  agreement(@Parent() promise: CitizenPromise, @Context() request: object) {
    return requestLoader(request, 'agreement.byId', (ids: readonly string[]) => this.agreements.byIds(ids), null as CollaborationAgreement | null).load(promise.agreementId);
  }

  @ResolveField(() => ActivityLogEntryConnection, { description: 'Logged activities, oldest first (superseded entries left out unless asked for).' })
  activities(
    @Parent() promise: CitizenPromise,
    @Context() request: object,
    @Args() page: PageArgs,
    @Args('kind', { type: () => ActivityKind, nullable: true }) kind?: ActivityKind,
    @Args('includeSuperseded', { nullable: true }) includeSuperseded?: boolean,
  ) {
    // One loader per distinct set of arguments: every promise in the list asks for the same page.
    const name = `promise.activities:${JSON.stringify([page.first, page.after, kind, includeSuperseded])}`;
    const empty: Connection<ActivityLogEntry> = { edges: [], pageInfo: { hasNextPage: false, endCursor: null } };
    return requestLoader(request, name, (ids: readonly string[]) => this.activityLogQueries.pagesFor(ids, { kind, includeSuperseded }, page.first, page.after), empty).load(promise.id);
  }

  @ResolveField(() => PromiseProgress, { description: 'Targets vs logged counts of the current plan, as of `today` (default: the server date).' })
  async progress(@Parent() promise: CitizenPromise, @Context() request: object, @Args('today', { nullable: true }) today?: string) {
    const day = todayOr(today, this.clock);
    const counts = await loggedCounts(request, this.activityLogQueries).load(promise.id);
    const activities = promise.plannedActivities.map((a) => activityProgress(a.id, a.target, { from: promise.period.from, to: promise.period.to }, day, counts));
    const behind = activities.filter((a) => a.status === ProgressStatus.Behind).length;
    return { onTrack: behind === 0, behind, activities };
  }

  @ResolveField(() => [FollowUp], { description: 'Planned follow-ups, by due date, with their reports once recorded.' })
  followUps(@Parent() promise: CitizenPromise, @Context() request: object) {
    return requestLoader(request, 'promise.followUps', (ids: readonly string[]) => this.followUpQueries.followUpsOf(ids), [] as FollowUp[]).load(promise.id);
  }

  @ResolveField(() => [FinalReport], { description: 'One per period that has a due date or a submitted report.' })
  finalReports(@Parent() promise: CitizenPromise, @Context() request: object) {
    return requestLoader(request, 'promise.finalReports', (ids: readonly string[]) => this.followUpQueries.finalReportsOf(ids), [] as FinalReport[]).load(promise.id);
  }
}

/** Logged counts per promise, shared by the promise's and its planned activities' progress fields. */
export function loggedCounts(request: object, queries: ActivityLogQueries) {
  return requestLoader(request, 'promise.loggedCounts', (ids: readonly string[]) => queries.loggedCounts(ids), [] as LoggedCount[]);
}
