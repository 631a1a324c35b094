import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { requestLoader } from '../shared/graphql/request-loaders';
import { AgreementStatus, AgreementVersion, CollaborationAgreement, CollaborationAgreementConnection } from './graphql/agreement.types';
import { AgreementQueries } from './read-models/agreements.queries';
import { DraftAgreementInput } from './commands/draft-agreement/draft-agreement.input';
import { DraftAgreementCommand } from './commands/draft-agreement/draft-agreement.handler';
import { SignAgreementInput } from './commands/sign-agreement/sign-agreement.input';
import { SignAgreementCommand } from './commands/sign-agreement/sign-agreement.handler';
import {
  ExtendAgreementInput, ReviseAgreementInput, SupersedeAgreementInput, TerminateAgreementInput,
} from './commands/change-agreement/change-agreement.input';
import { ChangeAgreementCommand } from './commands/change-agreement/change-agreement.handler';

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

  @ResolveField(() => [AgreementVersion], { description: 'Every version, oldest first: as drafted, then each revision.' })
  versions(@Parent() agreement: CollaborationAgreement, @Context() request: object) {
    return requestLoader(request, 'agreement.versions', (ids: readonly string[]) => this.queries.versionsOf(ids), [] as AgreementVersion[]).load(agreement.id);
  }

  @Mutation(() => CollaborationAgreement, { description: 'Drafts an agreement between registered organisations.' })
  draftAgreement(@Args('input') input: DraftAgreementInput, @Context() request: RequestInfo) {
    return this.run(new DraftAgreementCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CollaborationAgreement, { description: 'Signs for one party; the agreement is active once every required signature is in.' })
  signAgreement(@Args('input') input: SignAgreementInput, @Context() request: RequestInfo) {
    return this.run(new SignAgreementCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => CollaborationAgreement, { description: 'A new version of an active agreement (revidering).' })
  reviseAgreement(@Args('input') input: ReviseAgreementInput, @Context() request: RequestInfo) {
    return this.run(new ChangeAgreementCommand(input, 'Revise', this.contexts.create(request, input)));
  }

  @Mutation(() => CollaborationAgreement, { description: 'Moves the end date of an active agreement.' })
  extendAgreement(@Args('input') input: ExtendAgreementInput, @Context() request: RequestInfo) {
    return this.run(new ChangeAgreementCommand(input, 'Extend', this.contexts.create(request, input)));
  }

  @Mutation(() => CollaborationAgreement)
  terminateAgreement(@Args('input') input: TerminateAgreementInput, @Context() request: RequestInfo) {
    return this.run(new ChangeAgreementCommand(input, 'Terminate', this.contexts.create(request, input)));
  }

  @Mutation(() => CollaborationAgreement, { description: 'Marks the agreement as replaced by a newer, active one.' })
  supersedeAgreement(@Args('input') input: SupersedeAgreementInput, @Context() request: RequestInfo) {
    return this.run(new ChangeAgreementCommand(input, 'Supersede', this.contexts.create(request, input)));
  }

  private async run(command: object): Promise<CollaborationAgreement | null> {
    const id = await this.commandBus.execute<object, string>(command);
    return this.queries.byId(id);
  }
}
