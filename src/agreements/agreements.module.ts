import { Module } from '@nestjs/common';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementQueries } from './read-models/agreements.queries';
import { DraftAgreementHandler } from './commands/draft-agreement/draft-agreement.handler';
import { SignAgreementHandler } from './commands/sign-agreement/sign-agreement.handler';
import { ChangeAgreementHandler } from './commands/change-agreement/change-agreement.handler';

@Module({
  providers: [AgreementsResolver, AgreementQueries, DraftAgreementHandler, SignAgreementHandler, ChangeAgreementHandler],
  exports: [AgreementQueries],
})
export class AgreementsModule {}
