import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CollaborationAgreement } from '../../agreements/graphql/agreement.types';
import { ActivityLogEntry, CitizenPromise } from '../graphql/promise.types';
import { mapAsyncIterable, SKIP } from '../../shared/async-iteration';
import { LiveTopics } from './live-topics';
import { TOPICS } from './live-updates';
import { countWhileOpen } from '../../observability/metrics/metrics';

type Payload<K extends string, T> = { [key in K]: T };

/** The changes on a topic, only those about the id asked for (all of them without one). */
function about<K extends string, T>(events: AsyncIterable<unknown>, key: K, matches: (item: T) => boolean) {
  return mapAsyncIterable(events as AsyncIterable<Payload<K, T>>, (payload) => (matches(payload[key]) ? payload : SKIP));
}

/**
 * Live updates over graphql-ws (src/promises/live/graphql-ws), for an admin UI
 * or a partner's system: each sends the committed read model, filtered by the
 * id asked for. Who may see which change is not decided here: the access
 * policy of each field (RESOLVER_POLICIES) filters every event as the matching
 * list query filters its page, and the selection under it is resolved by the
 * same field resolvers as a query.
 */
@Resolver()
export class SubscriptionsResolver {
  constructor(private readonly topics: LiveTopics) {}

  @Subscription(() => CitizenPromise, { description: 'A promise after each change (lifecycle, plan, follow-ups, reports).' })
  promiseChanged(@Args('promiseId', { type: () => ID, nullable: true }) promiseId?: string | null) {
    return countWhileOpen(about(this.topics.subscribe(TOPICS.promiseChanged), 'promiseChanged', (p: CitizenPromise) => !promiseId || p.id === promiseId));
  }

  @Subscription(() => CollaborationAgreement, { description: 'An agreement after each change (signatures, revisions, extension, ending).' })
  agreementChanged(@Args('agreementId', { type: () => ID, nullable: true }) agreementId?: string | null) {
    return countWhileOpen(about(this.topics.subscribe(TOPICS.agreementChanged), 'agreementChanged', (a: CollaborationAgreement) => !agreementId || a.id === agreementId));
  }

  @Subscription(() => ActivityLogEntry, { description: 'New activity-log entries (corrections included).' })
  activityLogged(@Args('promiseId', { type: () => ID, nullable: true }) promiseId?: string | null) {
    return countWhileOpen(about(this.topics.subscribe(TOPICS.activityLogged), 'activityLogged', (e: ActivityLogEntry) => !promiseId || e.promiseId === promiseId));
  }
}
