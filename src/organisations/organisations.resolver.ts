import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CommandBus } from '@nestjs/cqrs';
import { CommandContextFactory, RequestInfo } from '../shared/commands/command-context.factory';
import { PageArgs } from '../shared/graphql/page.args';
import { requestLoader } from '../shared/graphql/request-loaders';
import { Organisation, OrganisationKind, OrganisationPerson } from './graphql/organisation.type';
import { OrganisationConnection } from './graphql/organisation-connection.type';
import { OrganisationQueries } from './read-models/organisations.queries';
import { RegisterMunicipalityInput } from './commands/register-municipality/register-municipality.input';
import { RegisterMunicipalityCommand } from './commands/register-municipality/register-municipality.handler';
import { RegisterLocalPoliceAreaInput } from './commands/register-local-police-area/register-local-police-area.input';
import { RegisterLocalPoliceAreaCommand } from './commands/register-local-police-area/register-local-police-area.handler';
import { RegisterChildOrganisationInput, RegisterPoliceRegionInput } from './commands/register-police-region/register-police-region.input';
import { RegisterPoliceRegionCommand } from './commands/register-police-region/register-police-region.handler';
import { RegisterPoliceDistrictCommand } from './commands/register-police-district/register-police-district.handler';
import { RegisterCityDistrictCommand } from './commands/register-city-district/register-city-district.handler';
import { AppointPersonInput, RemovePersonInput } from './commands/appoint-person/appoint-person.input';
import { AppointPersonCommand, RemovePersonCommand } from './commands/appoint-person/appoint-person.handler';
import { RecordServedMunicipalitiesInput } from './commands/record-served-municipalities/record-served-municipalities.input';
import { RecordServedMunicipalitiesCommand } from './commands/record-served-municipalities/record-served-municipalities.handler';

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
    @Args('parentId', { type: () => ID, nullable: true, description: 'Only the children of this organisation.' }) parentId?: string,
  ) {
    return this.queries.list({ kind, parentId }, page.first, page.after);
  }

  @ResolveField(() => [OrganisationPerson], { description: 'People currently appointed, with their roles.' })
  people(@Parent() organisation: Organisation, @Context() request: object) {
    return requestLoader(request, 'organisation.people', (ids: readonly string[]) => this.queries.peopleOf(ids), [] as OrganisationPerson[]).load(organisation.id);
  }

  @ResolveField(() => [ID], { description: 'For a local police area: the municipalities it serves.' })
  servedMunicipalityIds(@Parent() organisation: Organisation, @Context() request: object) {
    return requestLoader(request, 'organisation.served', (ids: readonly string[]) => this.queries.servedMunicipalityIdsOf(ids), [] as string[]).load(organisation.id);
  }

  @Mutation(() => Organisation)
  registerMunicipality(@Args('input') input: RegisterMunicipalityInput, @Context() request: RequestInfo) {
    return this.run(new RegisterMunicipalityCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation)
  registerLocalPoliceArea(@Args('input') input: RegisterLocalPoliceAreaInput, @Context() request: RequestInfo) {
    return this.run(new RegisterLocalPoliceAreaCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation)
  registerPoliceRegion(@Args('input') input: RegisterPoliceRegionInput, @Context() request: RequestInfo) {
    return this.run(new RegisterPoliceRegionCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation, { description: 'A police district (polisområde) under its police region.' })
  registerPoliceDistrict(@Args('input') input: RegisterChildOrganisationInput, @Context() request: RequestInfo) {
    return this.run(new RegisterPoliceDistrictCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation, { description: 'A city district (stadsdel) under its municipality.' })
  registerCityDistrict(@Args('input') input: RegisterChildOrganisationInput, @Context() request: RequestInfo) {
    return this.run(new RegisterCityDistrictCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation)
  appointPerson(@Args('input') input: AppointPersonInput, @Context() request: RequestInfo) {
    return this.run(new AppointPersonCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation)
  removePerson(@Args('input') input: RemovePersonInput, @Context() request: RequestInfo) {
    return this.run(new RemovePersonCommand(input, this.contexts.create(request, input)));
  }

  @Mutation(() => Organisation, { description: 'The municipalities a local police area serves.' })
  recordServedMunicipalities(@Args('input') input: RecordServedMunicipalitiesInput, @Context() request: RequestInfo) {
    return this.run(new RecordServedMunicipalitiesCommand(input, this.contexts.create(request, input)));
  }

  private async run(command: object): Promise<Organisation | null> {
    const id = await this.commandBus.execute<object, string>(command);
    return this.queries.byId(id);
  }
}
