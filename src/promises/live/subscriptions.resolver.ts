import { Args, Context, ID, Resolver, Subscription } from '@nestjs/graphql';
import { CollaborationAgreement } from '../../agreements/graphql/agreement.types';
import { ActivityLogEntry, CitizenPromise } from '../graphql/promise.types';
import { mayReceiveAgreement, mayReceivePromise } from '../../auth/policy/subscription-filters';
import { TOPICS } from './live-updates';

type PubSub = { subscribe(topic: string): Promise<AsyncIterable<unknown>> | AsyncIterable<unknown> };
type Variables = { promiseId?: string | null; agreementId?: string | null };
/** The connection's context (see app.module.ts): who subscribed, so a draft reaches only its parties. */
type Ctx = Parameters<typeof mayReceivePromise>[1];

/** Live updates over graphql-ws, for an admin UI: each sends the committed read model, filtered by the id asked for. */
@Resolver()
export class SubscriptionsResolver {
  @Subscription(() => CitizenPromise, {
    description: 'A promise after each change (lifecycle, plan, follow-ups, reports).',
    filter: (payload: { promiseChanged: CitizenPromise }, variables: Variables, context: Ctx) =>
      (!variables.promiseId || payload.promiseChanged.id === variables.promiseId) && mayReceivePromise(payload.promiseChanged, context),
  })
  promiseChanged(@Context('pubsub') pubsub: PubSub, @Args('promiseId', { type: () => ID, nullable: true }) _promiseId?: string) {
    return pubsub.subscribe(TOPICS.promiseChanged);
  }

  @Subscription(() => CollaborationAgreement, {
    description: 'An agreement after each change (signatures, revisions, extension, ending).',
    filter: (payload: { agreementChanged: CollaborationAgreement }, variables: Variables, context: Ctx) =>
      (!variables.agreementId || payload.agreementChanged.id === variables.agreementId) && mayReceiveAgreement(payload.agreementChanged, context),
  })
  agreementChanged(@Context('pubsub') pubsub: PubSub, @Args('agreementId', { type: () => ID, nullable: true }) _agreementId?: string) {
    return pubsub.subscribe(TOPICS.agreementChanged);
  }

  @Subscription(() => ActivityLogEntry, {
    description: 'New activity-log entries (corrections included).',
    filter: (payload: { activityLogged: ActivityLogEntry }, variables: Variables) => !variables.promiseId || payload.activityLogged.promiseId === variables.promiseId,
  })
  activityLogged(@Context('pubsub') pubsub: PubSub, @Args('promiseId', { type: () => ID, nullable: true }) _promiseId?: string) {
    return pubsub.subscribe(TOPICS.activityLogged);
  }
}
