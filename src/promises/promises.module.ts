import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { PromisesResolver } from './promises.resolver';
import { ActivityLogResolver } from './activity-log.resolver';
import { PromiseQueries } from './read-models/promises.queries';
import { ActivityLogQueries } from './read-models/activity-log.queries';
import { DraftPromiseHandler } from './commands/draft-promise/draft-promise.handler';
import { AdoptPromiseHandler } from './commands/adopt-promise/adopt-promise.handler';
import { ExtendPromiseHandler } from './commands/extend-promise/extend-promise.handler';
import { WithdrawPromiseHandler } from './commands/withdraw-promise/withdraw-promise.handler';
import { LogActivityHandler } from './commands/log-activity/log-activity.handler';

@Module({
  imports: [AgreementsModule],
  providers: [
    PromisesResolver,
    ActivityLogResolver,
    PromiseQueries,
    ActivityLogQueries,
    DraftPromiseHandler,
    AdoptPromiseHandler,
    ExtendPromiseHandler,
    WithdrawPromiseHandler,
    LogActivityHandler,
  ],
})
export class PromisesModule {}
