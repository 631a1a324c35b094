import { Args, Context, ID, Int, Query, Resolver } from '@nestjs/graphql';
import { CommandContextFactory, RequestInfo } from '../../shared/commands/command-context.factory';
import { HISTORY_ROLES, requireRole } from '../audit-access';
import { HistoryEntry as Entry, HistoryService, MAX_HISTORY_PAGE } from '../history/history.service';
import { TimeTravelService } from '../history/time-travel.service';
import { AuditedKindInput, HistoryEntry, Snapshot, TimeAxisInput } from './history.types';
import { instant } from './instant-arg';

const toEntry = (e: Entry): HistoryEntry => ({
  ...e, stream: e.streamName, revision: String(e.revision), recordedAt: e.recordedAt.toISOString(),
});

@Resolver()
export class HistoryResolver {
  constructor(
    private readonly contexts: CommandContextFactory,
    private readonly histories: HistoryService,
    private readonly timeTravel: TimeTravelService,
  ) {}

  @Query(() => [HistoryEntry], { description: 'Every event of one agreement, promise or organisation, oldest first, with the state before and after.' })
  async history(
    @Context() request: RequestInfo,
    @Args('of', { type: () => AuditedKindInput }) of: AuditedKindInput,
    @Args('id', { type: () => ID }) id: string,
    @Args('fromRevision', { type: () => Int, nullable: true }) fromRevision?: number,
    @Args('first', { type: () => Int, nullable: true, description: `At most this many events (default 100, max ${MAX_HISTORY_PAGE}).` }) first?: number,
    @Args('from', { nullable: true, description: 'Only events at or after this ISO instant or date (its start, UTC) on `axis`.' }) from?: string,
    @Args('to', { nullable: true, description: 'Only events at or before this ISO instant or date (its end, UTC) on `axis`.' }) to?: string,
    @Args('axis', { type: () => TimeAxisInput, nullable: true, description: 'Which time `from`/`to` read; OCCURRED (business time) by default.' }) axis?: TimeAxisInput,
  ) {
    requireRole(this.contexts, request, HISTORY_ROLES);
    const entries = await this.histories.history(of, id, {
      fromRevision: BigInt(fromRevision ?? 0), maxCount: first ?? 100, from: instant(from, 'from', 'start'), to: instant(to, 'to'), axis: axis ?? undefined,
    });
    return entries.map(toEntry);
  }

  @Query(() => Snapshot, { description: 'One agreement, promise (with its activities) or organisation as it was at an instant or revision, folded from its events.' })
  async asOf(
    @Context() request: RequestInfo,
    @Args('of', { type: () => AuditedKindInput }) of: AuditedKindInput,
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { nullable: true, description: 'ISO instant, or a date (its end, UTC).' }) at?: string,
    @Args('revision', { type: () => Int, nullable: true }) revision?: number,
    @Args('axis', { type: () => TimeAxisInput, nullable: true, description: 'OCCURRED (business time, the default) or RECORDED.' }) axis?: TimeAxisInput,
  ) {
    requireRole(this.contexts, request, HISTORY_ROLES);
    const snapshot = await this.timeTravel.asOf(of, id, {
      at: instant(at, 'at'), revision: revision === undefined || revision === null ? undefined : BigInt(revision), axis,
    });
    return {
      ...snapshot, stream: snapshot.streamName, revision: snapshot.revision?.toString() ?? null,
      lastEventAt: snapshot.lastEventAt?.toISOString() ?? null,
    };
  }
}
