import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { Organisation, OrganisationKind } from './graphql/organisation.type';
import { OrganisationConnection } from './graphql/organisation-connection.type';
import { OrganisationQueries } from './read-models/organisations.queries';
import { RegisterMunicipalityInput } from './commands/register-municipality/register-municipality.input';
import { RegisterMunicipalityCommand } from './commands/register-municipality/register-municipality.handler';
import { RegisterLocalPoliceAreaInput } from './commands/register-local-police-area/register-local-police-area.input';
import { RegisterLocalPoliceAreaCommand } from './commands/register-local-police-area/register-local-police-area.handler';
import { PageArgs } from '../shared/graphql/page.args';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly contexts: CommandContextFactory,
    private readonly queries: OrganisationQueries,
  ) {}

  @Query(() => Organisation, { nullable: true })
  organisation(@Args('id', { type: () => ID }) id: string): Promise<Organisation | null> {
    return this.queries.byId(id);
  }

  @Query(() => OrganisationConnection, { description: 'Organisations ordered by name.' })
  organisations(
    @Args() page: PageArgs,
    @Args('kind', { type: () => OrganisationKind, nullable: true }) kind?: OrganisationKind,
  ) {
    return this.queries.list({ kind }, page.first, page.after);
  }

  @Mutation(() => Organisation)
  async registerMunicipality(@Args('input') input: RegisterMunicipalityInput, @Context() request: RequestInfo) {
    const id = await this.commandBus.execute<RegisterMunicipalityCommand, string>(
      new RegisterMunicipalityCommand(input, this.contexts.create(request, input.commandId)),
    );
    return this.queries.byId(id);
  }

  @Mutation(() => Organisation)
  async registerLocalPoliceArea(@Args('input') input: RegisterLocalPoliceAreaInput, @Context() request: RequestInfo) {
    const id = await this.commandBus.execute<RegisterLocalPoliceAreaCommand, string>(
      new RegisterLocalPoliceAreaCommand(input, this.contexts.create(request, input.commandId)),
    );
    return this.queries.byId(id);
  }
}
