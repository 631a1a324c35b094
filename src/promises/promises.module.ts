import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { PromisesResolver } from './promises.resolver';
import { PromiseMutationsResolver } from './promise-mutations.resolver';
import { PlannedActivityResolver } from './planned-activity.resolver';
import { ActivityLogResolver } from './activity-log.resolver';
import { DeadlinesResolver } from './deadlines.resolver';
import { LiveUpdates } from './live/live-updates';
import { SubscriptionsResolver } from './live/subscriptions.resolver';
import { LiveTopics } from './live/live-topics';
import { GraphqlWsServer } from './live/graphql-ws/socket-server';
import { PublicPromisesResolver } from './public/public-promises.resolver';
import { PromiseQueries } from './read-models/promises.queries';
import { ActivityLogQueries } from './read-models/activity-log.queries';
import { FollowUpQueries } from './read-models/follow-ups.queries';
import { DeadlineQueries } from './read-models/deadlines.queries';
import { DraftPromiseHandler } from './commands/draft-promise/draft-promise.handler';
import { AdoptPromiseHandler } from './commands/adopt-promise/adopt-promise.handler';
import { ExtendPromiseHandler } from './commands/extend-promise/extend-promise.handler';
import { WithdrawPromiseHandler } from './commands/withdraw-promise/withdraw-promise.handler';
import { CorrectActivityHandler, LogActivityHandler } from './commands/log-activity/log-activity.handler';
import { CompletePromiseHandler, PublishPromiseHandler } from './commands/change-promise/change-promise.handler';
import { LinkFocusAreasHandler } from './commands/link-focus-areas/link-focus-areas.handler';
import { FollowUpHandler } from './commands/follow-up/follow-up.handler';

@Module({
  imports: [AgreementsModule],
  providers: [
    PromisesResolver,
    PromiseMutationsResolver,
    PlannedActivityResolver,
    ActivityLogResolver,
    DeadlinesResolver,
    SubscriptionsResolver,
    PublicPromisesResolver,
    LiveUpdates,
    LiveTopics,
    GraphqlWsServer,
    PromiseQueries,
    ActivityLogQueries,
    FollowUpQueries,
    DeadlineQueries,
    DraftPromiseHandler,
    AdoptPromiseHandler,
    ExtendPromiseHandler,
    WithdrawPromiseHandler,
    LogActivityHandler,
    CorrectActivityHandler,
    PublishPromiseHandler,
    CompletePromiseHandler,
    LinkFocusAreasHandler,
    FollowUpHandler,
  ],
  exports: [PromiseQueries, ActivityLogQueries, FollowUpQueries],
})
export class PromisesModule {}
