import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { AgreementStatus, CollaborationAgreement, CollaborationAgreementConnection } from './graphql/agreement.types';
import { AgreementQueries } from './read-models/agreements.queries';
import { DraftAgreementInput } from './commands/draft-agreement/draft-agreement.input';
import { DraftAgreementCommand } from './commands/draft-agreement/draft-agreement.handler';
import { SignAgreementInput } from './commands/sign-agreement/sign-agreement.input';
import { SignAgreementCommand } from './commands/sign-agreement/sign-agreement.handler';

@Resolver(() => CollaborationAgreement)
export class AgreementsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly queries: AgreementQueries,
  ) {}

  @Query(() => CollaborationAgreement, { nullable: true })
  agreement(@Args('id', { type: () => ID }) id: string) {
    return this.queries.byId(id);
  }

  @Query(() => CollaborationAgreementConnection, { description: 'Agreements in the order they were drafted.' })
  agreements(
    @Args() page: PageArgs,
    @Args('partyId', { type: () => ID, nullable: true, description: 'Only agreements this organisation is party to.' }) partyId?: string,
    @Args('status', { type: () => AgreementStatus, nullable: true }) status?: AgreementStatus,
  ) {
    return this.queries.list({ partyId, status }, page.first, page.after);
  }

  @Mutation(() => CollaborationAgreement, { description: 'Drafts an agreement between registered organisations.' })
  async draftAgreement(@Args('input') input: DraftAgreementInput, @Context() request: RequestInfo) {
    const id = await this.commandBus.execute<DraftAgreementCommand, string>(
      new DraftAgreementCommand(input, this.contexts.create(request, input.commandId)),
    );
    return this.queries.byId(id);
  }

  @Mutation(() => CollaborationAgreement, { description: 'Signs for one party; the agreement is active once every party has signed.' })
  async signAgreement(@Args('input') input: SignAgreementInput, @Context() request: RequestInfo) {
    const id = await this.commandBus.execute<SignAgreementCommand, string>(
      new SignAgreementCommand(input, this.contexts.create(request, input.commandId)),
    );
    return this.queries.byId(id);
  }
}
