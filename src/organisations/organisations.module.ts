import { Module } from '@nestjs/common';
import { OrganisationsResolver } from './organisations.resolver';
import { OrganisationQueries } from './read-models/organisations.queries';
import { RegisterMunicipalityHandler } from './commands/register-municipality/register-municipality.handler';
import { RegisterLocalPoliceAreaHandler } from './commands/register-local-police-area/register-local-police-area.handler';

@Module({
  providers: [OrganisationsResolver, OrganisationQueries, RegisterMunicipalityHandler, RegisterLocalPoliceAreaHandler],
  exports: [OrganisationQueries],
})
export class OrganisationsModule {}
